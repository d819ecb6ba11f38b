import FoundationEssentials

/// How a provider wraps its answers.
public enum ResponseEnvelope: Sendable, Equatable {
    /// The token fields are members of the top-level object.
    case none
    /// `{status: bool, message: string, data: {...}}` (Exabits): HTTP 200 with `status: false`
    /// is a failure; the token fields are members of `data`.
    case statusMessageData(statusKey: String = "status", messageKey: String = "message", dataKey: String = "data")
}

/// Member names of a successful answer. Absent members are simply not read.
public struct ResponseFieldNames: Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String
    public var idToken: String?
    /// Seconds the access (and id) token lives, counted from receipt.
    public var expiresIn: String?
    /// Seconds the refresh token lives, counted from receipt (no built-in provider sends it).
    public var refreshExpiresIn: String?
    /// RFC 3339 instants.
    public var accessExpiresAt: String?
    public var refreshExpiresAt: String?
    /// A login answer with this member (and no access token) is a challenge.
    public var challengeName: String?
    public var session: String?
    /// Other scalar members kept in `TokenSet.attributes` (`client_id`, `email`, `token_type`).
    public var attributes: [String]

    public init(
        accessToken: String = "access_token",
        refreshToken: String = "refresh_token",
        idToken: String? = nil,
        expiresIn: String? = nil,
        refreshExpiresIn: String? = nil,
        accessExpiresAt: String? = nil,
        refreshExpiresAt: String? = nil,
        challengeName: String? = nil,
        session: String? = nil,
        attributes: [String] = []
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.idToken = idToken
        self.expiresIn = expiresIn
        self.refreshExpiresIn = refreshExpiresIn
        self.accessExpiresAt = accessExpiresAt
        self.refreshExpiresAt = refreshExpiresAt
        self.challengeName = challengeName
        self.session = session
        self.attributes = attributes
    }
}

/// Member names of an error body: `{"error","message"}` (Starship, newer ByteConnect),
/// `{"status","message"}` (Wikimedia, Exabits), `{"message"}`.
public struct ErrorBodyFormat: Sendable, Equatable {
    /// The human-readable text; shown to the person when short.
    public var messageKey: String
    /// A machine code such as `validation_error`, when the provider sends one.
    public var codeKey: String?

    public init(messageKey: String = "message", codeKey: String? = nil) {
        self.messageKey = messageKey
        self.codeKey = codeKey
    }
}

/// What the provider documents about lifetimes; used when an answer states no expiry.
public struct DocumentedLifetimes: Sendable, Equatable {
    public var access: TimeInterval?
    public var refresh: TimeInterval?
    /// How long a NEW_PASSWORD_REQUIRED session lasts (Cognito: about 3 minutes).
    public var challengeSession: TimeInterval?

    public init(access: TimeInterval? = nil, refresh: TimeInterval? = nil, challengeSession: TimeInterval? = nil) {
        self.access = access
        self.refresh = refresh
        self.challengeSession = challengeSession
    }
}

/// What a refresh does to the refresh token.
public enum RefreshRotation: String, Sendable, Equatable {
    /// The answer carries a new refresh token; the old one is revoked (ByteConnect, Starship).
    case rotates
    /// The answer has new access/id tokens only; the old refresh token stays valid (Wikimedia,
    /// Cognito's REFRESH_TOKEN_AUTH): the new answer is merged into the old TokenSet.
    case keepsRefreshToken = "keeps"
}
