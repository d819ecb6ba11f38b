import FoundationEssentials

/// Everything the engine knows about one provider, as data: a new username/password JSON API is
/// a value of this type (a TOML block, see `custom(...)`), not new code.
public struct ProviderDefinition: Sendable, Equatable, Identifiable {
    /// Lookup key in config files (`provider = "wikimedia"`).
    public var id: String
    public var displayName: String
    /// A word for narrow columns ("Wikimedia" for "Wikimedia Enterprise"); the display name's
    /// first word unless the provider says otherwise ("Cognito", not "AWS").
    public var shortName: String
    /// Used when an account sets no `base_url`. May carry a path and may end in `/`.
    public var defaultBaseURL: String
    public var endpoints: ProviderEndpoints
    public var passwordTransform: PasswordTransform
    public var usernameTransform: UsernameTransform
    public var envelope: ResponseEnvelope
    public var responseFields: ResponseFieldNames
    public var errorFormat: ErrorBodyFormat
    public var lifetimes: DocumentedLifetimes
    public var refreshRotation: RefreshRotation
    public var tokenCarriage: TokenCarriage
    /// Checked by the forms that set a new password.
    public var passwordRules: PasswordRules
    /// Which wire protocol the flows speak: the generic JSON endpoints above, or Cognito's.
    public var api: ProviderAPI
    /// Account fields the provider's accounts carry besides their credentials.
    public var accountFields: [ProviderAccountField]

    public init(
        id: String,
        displayName: String,
        defaultBaseURL: String,
        endpoints: ProviderEndpoints,
        passwordTransform: PasswordTransform = .plain,
        usernameTransform: UsernameTransform = .unchanged,
        envelope: ResponseEnvelope = .none,
        responseFields: ResponseFieldNames = ResponseFieldNames(),
        errorFormat: ErrorBodyFormat = ErrorBodyFormat(),
        lifetimes: DocumentedLifetimes = DocumentedLifetimes(),
        refreshRotation: RefreshRotation = .rotates,
        tokenCarriage: TokenCarriage = .bearer,
        passwordRules: PasswordRules = PasswordRules(),
        api: ProviderAPI = .json,
        shortName: String? = nil,
        accountFields: [ProviderAccountField] = []
    ) {
        self.id = id
        self.displayName = displayName
        self.shortName = shortName ?? displayName.split(separator: " ").first.map(String.init) ?? displayName
        self.defaultBaseURL = defaultBaseURL
        self.endpoints = endpoints
        self.passwordTransform = passwordTransform
        self.usernameTransform = usernameTransform
        self.envelope = envelope
        self.responseFields = responseFields
        self.errorFormat = errorFormat
        self.lifetimes = lifetimes
        self.refreshRotation = refreshRotation
        self.tokenCarriage = tokenCarriage
        self.passwordRules = passwordRules
        self.api = api
        self.accountFields = accountFields
    }

    /// What an API call must carry for these tokens (headers or a JSON body member).
    public func apiCredentials(for tokens: TokenSet) -> [APICredential] {
        tokenCarriage.credentials(for: tokens)
    }

    /// True when the provider can renew tokens without the password.
    public var canRefresh: Bool { endpoints.refresh != nil }
}
