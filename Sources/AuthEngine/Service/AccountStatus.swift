import FoundationEssentials

/// One account's token state at an instant, for the list screen and `tokenman status`.
public struct AccountStatus: Sendable, Equatable {
    public enum State: String, Sendable, Equatable {
        case loggedOut = "logged-out"
        case valid
        /// The access token ran out but the refresh token can renew it.
        case expired
        /// Neither token is usable: a login is needed (automatic when the password source allows).
        case refreshExpired = "refresh-expired"
        /// API-token account: the token comes from its secret source and does not expire.
        case apiToken = "api-token"
        /// The account's entry in the token store cannot be read (it is kept as it is until the
        /// account logs in again); the other accounts are unaffected.
        case unreadable
    }

    public var account: String
    public var providerID: String
    public var state: State
    public var accessSecondsLeft: TimeInterval?
    public var refreshSecondsLeft: TimeInterval?

    public init(account: String, providerID: String, state: State, accessSecondsLeft: TimeInterval? = nil, refreshSecondsLeft: TimeInterval? = nil) {
        self.account = account
        self.providerID = providerID
        self.state = state
        self.accessSecondsLeft = accessSecondsLeft
        self.refreshSecondsLeft = refreshSecondsLeft
    }

    static func of(_ account: AccountConfig, tokens: TokenSet?, now: Date) -> AccountStatus {
        of(account, expiry: tokens.map(TokenExpiry.init), now: now)
    }

    static func of(_ account: AccountConfig, expiry tokens: TokenExpiry?, now: Date) -> AccountStatus {
        if case .apiToken = account.mode {
            return AccountStatus(account: account.name, providerID: account.providerID, state: .apiToken)
        }
        guard let tokens else {
            return AccountStatus(account: account.name, providerID: account.providerID, state: .loggedOut)
        }
        let state: State
        if tokens.isAccessValid(at: now) {
            state = .valid
        } else if tokens.isRefreshUsable(at: now) {
            state = .expired
        } else {
            state = .refreshExpired
        }
        return AccountStatus(
            account: account.name,
            providerID: account.providerID,
            state: state,
            accessSecondsLeft: tokens.accessSecondsLeft(at: now),
            refreshSecondsLeft: tokens.hasRefreshToken ? tokens.refreshSecondsLeft(at: now) : nil
        )
    }
}
