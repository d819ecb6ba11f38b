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
    /// Overrides the provider's default base URL (may carry a path, e.g. `/exabits/api/v1/`).
    public var baseURL: String?
    public var username: String?
    public var mode: Mode
    /// Provider-specific account fields that are not auth inputs (ByteConnect `subdomain`,
    /// `affiliate_id`). Shown in the detail screen and exported by `tokenman exec`.
    public var fields: [String: String]
    /// Cognito accounts only: region, app client id and the client secret's source.
    public var cognito: CognitoAccountSettings?
    /// The provider-specific settings by the name the UI uses: it edits what a provider
    /// declares (`ProviderDefinition`'s account keys) without knowing which provider that is.
    public var providerSettings: ProviderAccountSettings? {
        get { cognito }
        set { cognito = newValue }
    }
    /// The line of the `[[accounts]]` header in the config file, for error messages.
    public var line: Int?
    /// PEM bundle of CAs to trust for this account's HTTPS (`ca_file`); nil: the settings'.
    public var caFile: String?

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
        self.baseURL = baseURL
        self.username = username
        self.mode = mode
        self.fields = fields
        self.line = line
        self.cognito = cognito
        self.caFile = caFile
    }
}
