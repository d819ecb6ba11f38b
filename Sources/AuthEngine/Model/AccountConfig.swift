/// One configured account, as declared in `config.toml`.
public struct AccountConfig: Sendable, Equatable {
    /// How the account authenticates.
    public enum Mode: Sendable, Equatable {
        /// Username and password, exchanged for access/refresh tokens.
        case password(SecretSource)
        /// A long-lived API token used as is (Exabits API Token mode).
        case apiToken(SecretSource)
    }

    public var name: String
    /// Identifier of a built-in or configured provider definition ("byteconnect", "exabits",
    /// "starship", "wikimedia", or a `[providers.NAME]` block).
    public var providerID: String
    public var username: String?
    public var mode: Mode
    /// `line`, 0 for none (config lines count from 1).
    private var lineNumber: Int32 = 0
    /// The settings most accounts leave out, boxed: nil when all are unset. Keeps the value
    /// small (80 rather than 184 bytes), which is most of the memory of a config of 100,000
    /// accounts in `tokenman list` and the UI.
    private var rareBox: RareSettingsBox?

    /// Overrides the provider's default base URL (may carry a path, e.g. `/exabits/api/v1/`).
    public var baseURL: String? {
        get { rare.baseURL }
        set { rare.baseURL = newValue }
    }
    /// Provider-specific account fields that are not auth inputs (ByteConnect `subdomain`,
    /// `affiliate_id`). Shown in the detail screen and exported by `tokenman exec`.
    public var fields: [String: String] {
        get { rare.fields }
        set { rare.fields = newValue }
    }
    /// Cognito accounts only: region, app client id and the client secret's source.
    public var cognito: CognitoAccountSettings? {
        get { rare.cognito }
        set { rare.cognito = newValue }
    }
    /// The provider-specific settings by the name the UI uses: it edits what a provider
    /// declares (`ProviderDefinition`'s account keys) without knowing which provider that is.
    public var providerSettings: ProviderAccountSettings? {
        get { cognito }
        set { cognito = newValue }
    }
    /// The line of the `[[accounts]]` header in the config file, for error messages.
    /// (A line past Int32.max, in a config of more than 2 GB, is kept as Int32.max.)
    public var line: Int? {
        get { lineNumber > 0 ? Int(lineNumber) : nil }
        set { lineNumber = newValue.map { Int32(clamping: max(0, $0)) } ?? 0 }
    }
    /// PEM bundle of CAs to trust for this account's HTTPS (`ca_file`); nil: the settings'.
    public var caFile: String? {
        get { rare.caFile }
        set { rare.caFile = newValue }
    }

    private var rare: RareSettings {
        get { rareBox?.settings ?? RareSettings() }
        set { rareBox = newValue == RareSettings() ? nil : RareSettingsBox(newValue) }
    }

    public init(
        name: String,
        providerID: String,
        baseURL: String? = nil,
        username: String? = nil,
        mode: Mode = .password(.prompt),
        fields: [String: String] = [:],
        line: Int? = nil,
        cognito: CognitoAccountSettings? = nil,
        caFile: String? = nil
    ) {
        self.name = name
        self.providerID = providerID
        self.username = username
        self.mode = mode
        self.line = line
        self.rare = RareSettings(baseURL: baseURL, fields: fields, cognito: cognito, caFile: caFile)
    }

    public static func == (a: AccountConfig, b: AccountConfig) -> Bool {
        a.name == b.name && a.providerID == b.providerID && a.username == b.username && a.mode == b.mode
            && a.lineNumber == b.lineNumber && a.rare == b.rare
    }
}

/// What `AccountConfig` keeps out of line.
private struct RareSettings: Sendable, Equatable {
    var baseURL: String?
    var fields: [String: String] = [:]
    var cognito: CognitoAccountSettings?
    var caFile: String?
}

/// Immutable, so copies of an `AccountConfig` share it safely; a change makes a new box.
private final class RareSettingsBox: Sendable {
    let settings: RareSettings

    init(_ settings: RareSettings) {
        self.settings = settings
    }
}
