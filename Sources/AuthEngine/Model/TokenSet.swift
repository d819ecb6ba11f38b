import FoundationEssentials

/// The tokens one account holds, with when each stops being valid.
/// Stored by `TokenStore`, produced by the flows, shown by the UI. Expiry instants are absolute,
/// so countdowns are computed from `now` and never kept as ticking state.
public struct TokenSet: Codable, Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String?
    public var idToken: String?
    /// nil with `accessExpirySource == .never`: the token does not expire (Exabits API tokens).
    public var accessExpiresAt: Date?
    public var refreshExpiresAt: Date?
    public var accessExpirySource: ExpirySource
    public var refreshExpirySource: ExpirySource
    public var obtainedAt: Date
    /// Other fields of the answer worth keeping and showing: `client_id` (Starship),
    /// `email` and `username` (Exabits), `token_type` (ByteConnect).
    public var attributes: [String: String]

    public init(
        accessToken: String,
        refreshToken: String? = nil,
        idToken: String? = nil,
        accessExpiresAt: Date? = nil,
        refreshExpiresAt: Date? = nil,
        accessExpirySource: ExpirySource = .unknown,
        refreshExpirySource: ExpirySource = .unknown,
        obtainedAt: Date,
        attributes: [String: String] = [:]
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.idToken = idToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshExpiresAt = refreshExpiresAt
        self.accessExpirySource = accessExpirySource
        self.refreshExpirySource = refreshExpirySource
        self.obtainedAt = obtainedAt
        self.attributes = attributes
    }

    /// When these tokens expire, the rules of which `TokenExpiry` holds (one copy of them).
    public var expiry: TokenExpiry { TokenExpiry(self) }

    /// Seconds the access token stays valid after `now`; nil when it never expires.
    public func accessSecondsLeft(at now: Date) -> TimeInterval? {
        expiry.accessSecondsLeft(at: now)
    }

    /// Seconds the refresh token stays valid after `now`; nil when unknown or absent.
    public func refreshSecondsLeft(at now: Date) -> TimeInterval? {
        expiry.refreshSecondsLeft(at: now)
    }

    /// An access token without an expiry is valid: it never expires (`.never`), or nobody said
    /// when it does (`.unknown`: a custom provider without `access_lifetime`), in which case it
    /// is used until the provider refuses it rather than replaced on every call.
    public func isAccessValid(at now: Date, minValid: TimeInterval = 0) -> Bool {
        expiry.isAccessValid(at: now, minValid: minValid)
    }

    /// How long the access token lived when it was issued; nil when it has no expiry.
    public var accessLifetime: TimeInterval? {
        accessExpiresAt.map { $0.timeIntervalSince(obtainedAt) }
    }

    /// Valid for `minValid`, or, when `minValid` is longer than this token ever lived (more than
    /// the provider grants), valid at all: renewing would only bring another token of the same
    /// lifetime, so it is not renewed again within its life (`tokenman token --min-valid`).
    public func coversMinValid(_ minValid: TimeInterval, at now: Date) -> Bool {
        if isAccessValid(at: now, minValid: minValid) { return true }
        guard let lifetime = accessLifetime, lifetime <= minValid, minValid.isFinite else { return false }
        return isAccessValid(at: now)
    }

    public func isRefreshUsable(at now: Date) -> Bool {
        expiry.isRefreshUsable(at: now)
    }
}

/// Where an expiry instant came from, best first. Shown in the detail screen so a person can
/// tell a server-stated expiry from a documented guess.
public enum ExpirySource: String, Codable, Sendable, Equatable, CaseIterable {
    case absoluteTimestamp = "timestamp"
    case expiresIn = "expires_in"
    case jwtClaim = "jwt_exp"
    case documentedLifetime = "documented"
    case never
    case unknown
}
