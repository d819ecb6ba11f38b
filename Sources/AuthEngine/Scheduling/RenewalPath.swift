import FoundationEssentials

/// How an account's tokens get renewed without a person.
public enum RenewalPath: String, Sendable, Equatable {
    /// Exchange the refresh token.
    case refresh
    /// Log in again with a password from `password_env` / `password_command`: the refresh token
    /// ran out or was refused, or the provider has no refresh endpoint (Exabits).
    case relogin
    /// Neither is possible: a person must log in.
    case interactive

    static func plan(
        for account: AccountConfig,
        tokens: TokenSet?,
        canRefresh: Bool,
        now: Date
    ) -> RenewalPath {
        if canRefresh, let tokens, tokens.isRefreshUsable(at: now) { return .refresh }
        if case .password(let source) = account.mode, source.isNonInteractive { return .relogin }
        return .interactive
    }
}
