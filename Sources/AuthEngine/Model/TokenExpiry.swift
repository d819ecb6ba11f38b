import FoundationEssentials

/// When an account's tokens stop being valid, without the tokens: all that `tokenman list` and
/// the account states need. Reading only this from the store (`TokenStore.expiries()`)
/// spares building every token's text for a list of thousands of accounts.
public struct TokenExpiry: Sendable, Equatable {
    // Declared in this order so the value packs into 40 bytes (the TUI keeps one per account).
    /// When the tokens were obtained: a token's lifetime is measured from it (the scheduler's
    /// due date, the list's countdown colours).
    public var obtainedAt: Date
    /// nil with `accessExpirySource == .never`: the token does not expire (Exabits API tokens).
    public var accessExpiresAt: Date?
    public var accessExpirySource: ExpirySource
    public var refreshExpirySource: ExpirySource
    public var hasRefreshToken: Bool
    /// Whether there is an ID token (the TUI's copy menu offers it without reading the tokens).
    public var hasIDToken: Bool
    public var refreshExpiresAt: Date?

    public init(
        accessExpiresAt: Date?, accessExpirySource: ExpirySource, hasRefreshToken: Bool, refreshExpiresAt: Date?,
        refreshExpirySource: ExpirySource, hasIDToken: Bool, obtainedAt: Date
    ) {
        self.obtainedAt = obtainedAt
        self.accessExpiresAt = accessExpiresAt
        self.accessExpirySource = accessExpirySource
        self.refreshExpirySource = refreshExpirySource
        self.hasRefreshToken = hasRefreshToken
        self.hasIDToken = hasIDToken
        self.refreshExpiresAt = refreshExpiresAt
    }

    public init(_ tokens: TokenSet) {
        self.init(
            accessExpiresAt: tokens.accessExpiresAt,
            accessExpirySource: tokens.accessExpirySource,
            hasRefreshToken: tokens.refreshToken != nil,
            refreshExpiresAt: tokens.refreshExpiresAt,
            refreshExpirySource: tokens.refreshExpirySource,
            hasIDToken: tokens.idToken != nil,
            obtainedAt: tokens.obtainedAt
        )
    }

    /// Seconds the access token stays valid after `now`; nil when it never expires.
    public func accessSecondsLeft(at now: Date) -> TimeInterval? {
        accessExpiresAt.map { $0.timeIntervalSince(now) }
    }

    /// Seconds the refresh token stays valid after `now`; nil when unknown (with or without a
    /// refresh token: see `hasRefreshToken`).
    public func refreshSecondsLeft(at now: Date) -> TimeInterval? {
        refreshExpiresAt.map { $0.timeIntervalSince(now) }
    }

    /// See `TokenSet.isAccessValid`.
    public func isAccessValid(at now: Date, minValid: TimeInterval = 0) -> Bool {
        guard let left = accessSecondsLeft(at: now) else { return true }
        return left > minValid
    }

    /// See `TokenSet.isRefreshUsable`.
    public func isRefreshUsable(at now: Date) -> Bool {
        guard hasRefreshToken else { return false }
        guard let left = refreshSecondsLeft(at: now) else { return true }
        return left > 0
    }
}
