/// One HTTP endpoint of a provider: where it is and what its JSON body holds.
public struct Endpoint: Sendable, Equatable {
    public var method: String
    /// Relative to the base URL; joined with exactly one `/` whatever either side has.
    public var path: String
    /// The JSON body's members, in order. Empty: the request has no body.
    public var bodyFields: [RequestField]
    /// Sends `Authorization: Bearer <access token>` (Starship logout).
    public var sendsBearerAccessToken: Bool

    public init(method: String = "POST", path: String, bodyFields: [RequestField] = [], sendsBearerAccessToken: Bool = false) {
        self.method = method
        self.path = path
        self.bodyFields = bodyFields
        self.sendsBearerAccessToken = sendsBearerAccessToken
    }
}

/// A member of a request body: the provider's wire name and which value it carries.
public struct RequestField: Sendable, Equatable {
    public var name: String
    public var value: RequestValue

    public init(_ name: String, _ value: RequestValue) {
        self.name = name
        self.value = value
    }
}

/// The role of a value a flow sends. Password roles pass through the provider's password
/// transform, `username` through its username transform.
public enum RequestValue: String, Sendable, Equatable, CaseIterable {
    case username
    case password
    case newPassword = "new_password"
    case previousPassword = "previous_password"
    case accessToken = "access_token"
    case refreshToken = "refresh_token"
    case session
    case confirmationCode = "confirmation_code"

    var isPassword: Bool { self == .password || self == .newPassword || self == .previousPassword }
}

/// Every endpoint a provider may have. Only login is required; a flow whose endpoint is nil
/// throws `AuthError.unsupported`.
public struct ProviderEndpoints: Sendable, Equatable {
    public var login: Endpoint
    public var refresh: Endpoint?
    /// Ends the session server-side using the access token (Starship `/auth/logout`).
    public var logout: Endpoint?
    /// Revokes the refresh token (Wikimedia `/v1/token-revoke`).
    public var revoke: Endpoint?
    /// Answers a NEW_PASSWORD_REQUIRED challenge.
    public var newPasswordChallenge: Endpoint?
    public var forgotPassword: Endpoint?
    public var forgotPasswordConfirm: Endpoint?
    public var changePassword: Endpoint?

    public init(
        login: Endpoint,
        refresh: Endpoint? = nil,
        logout: Endpoint? = nil,
        revoke: Endpoint? = nil,
        newPasswordChallenge: Endpoint? = nil,
        forgotPassword: Endpoint? = nil,
        forgotPasswordConfirm: Endpoint? = nil,
        changePassword: Endpoint? = nil
    ) {
        self.login = login
        self.refresh = refresh
        self.logout = logout
        self.revoke = revoke
        self.newPasswordChallenge = newPasswordChallenge
        self.forgotPassword = forgotPassword
        self.forgotPasswordConfirm = forgotPasswordConfirm
        self.changePassword = changePassword
    }
}
