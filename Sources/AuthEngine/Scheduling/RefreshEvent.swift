import FoundationEssentials
import Glibc

/// What the scheduler did for an account, for the TUI's status line and log.
public enum RefreshEvent: Sendable, Equatable {
    case started(account: String, path: RenewalPath)
    case finished(account: String, tokens: TokenSet)
    /// Will be retried at `retryAt` (exponential backoff, or the provider's Retry-After).
    case failed(account: String, error: AuthError, retryAt: Date)
    /// Automatic renewal is impossible (prompt-only password, wrong stored password, a
    /// password-change challenge): the account is left alone until its tokens change.
    case needsLogin(account: String, reason: String)
}

/// When to renew and how long to wait after failures.
public struct RefreshPolicy: Sendable, Equatable {
    /// Renew this long before the access token expires (config `refresh_lead`).
    public var lead: TimeInterval
    public var initialBackoff: TimeInterval
    public var maxBackoff: TimeInterval
    /// The run loop re-reads the store at least this often: another process may log in or
    /// renew, and a suspended laptop's sleep is not a reliable timer.
    public var maxSleep: TimeInterval

    public init(lead: TimeInterval = 120, initialBackoff: TimeInterval = 5, maxBackoff: TimeInterval = 300, maxSleep: TimeInterval = 30) {
        self.lead = lead
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxSleep = maxSleep
    }

    /// 5 s, 10 s, 20 s, ... capped.
    func backoff(afterFailures failures: Int) -> TimeInterval {
        let exponent = Double(max(0, min(failures - 1, 30)))
        return min(initialBackoff * pow(2, exponent), maxBackoff)
    }

    /// When `tokens` should be renewed: `lead` before access expiry, but never earlier than
    /// halfway through the token's life, so a lead longer than the lifetime cannot make the
    /// scheduler renew in a tight loop. nil when the access token has no known expiry.
    public func dueDate(for tokens: TokenSet) -> Date? {
        dueDate(for: tokens.expiry)
    }

    /// `dueDate(for:)` from the expiry alone (the scheduler reads only expiries to find what is due).
    public func dueDate(for tokens: TokenExpiry) -> Date? {
        guard let expiry = tokens.accessExpiresAt else { return nil }
        let lifetime = expiry.timeIntervalSince(tokens.obtainedAt)
        let effectiveLead = lifetime > 0 ? min(lead, lifetime / 2) : lead
        return expiry - effectiveLead
    }
}
