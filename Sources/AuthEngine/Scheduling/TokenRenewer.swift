import Foundation

/// Renews one account's tokens: refresh, else re-login with a non-interactive password, else
/// report that a person must log in. Shared by the scheduler and `AccountService`, so that at
/// most one renewal per account runs at a time in this process: concurrent callers await the
/// same task (a second refresh with a rotating refresh token would be refused, or, at
/// Starship, revoke the whole family).
///
/// Across processes (TUI and CLI) renewals are not serialised (that would hold the store lock
/// across a network call); instead each renewal re-reads the store first and, when a refresh
/// token is refused, checks whether another process already stored newer tokens.
public actor TokenRenewer {
    private let store: TokenStore
    private let authenticator: any AccountAuthenticating
    private let secrets: SecretResolver
    private let clock: any WallClock
    private var inFlight: [String: Task<Result<TokenSet, AuthError>, Never>] = [:]

    public init(
        store: TokenStore,
        authenticator: any AccountAuthenticating,
        secrets: SecretResolver,
        clock: any WallClock
    ) {
        self.store = store
        self.authenticator = authenticator
        self.secrets = secrets
        self.clock = clock
    }

    nonisolated func plan(for account: AccountConfig, tokens: TokenSet?, now: Date) -> RenewalPath {
        RenewalPath.plan(for: account, tokens: tokens, canRefresh: authenticator.canRefresh(account), now: now)
    }

    /// Renews `account`, unless the store already holds tokens other than `stale` that are valid
    /// for `minValid` seconds (another caller or process got there first).
    /// - Parameter interactive: whether a re-login may ask a person through the resolver's prompt.
    public func renew(
        _ account: AccountConfig,
        replacing stale: TokenSet?,
        minValid: TimeInterval = 0,
        interactive: Bool = false
    ) async throws(AuthError) -> TokenSet {
        if let running = inFlight[account.name] {
            return try await running.value.get()
        }
        let task = Task { [self] () async -> Result<TokenSet, AuthError> in
            do throws(AuthError) {
                return .success(try await self.performRenewal(account, stale: stale, minValid: minValid, interactive: interactive))
            } catch {
                return .failure(error)
            }
        }
        inFlight[account.name] = task
        let result = await task.value
        inFlight[account.name] = nil
        return try result.get()
    }

    /// True while a renewal of `account` is running (for tests and the TUI's spinner).
    public func isRenewing(_ account: String) -> Bool { inFlight[account] != nil }

    private func performRenewal(
        _ account: AccountConfig,
        stale: TokenSet?,
        minValid: TimeInterval,
        interactive: Bool
    ) async throws(AuthError) -> TokenSet {
        let current = try await store.loadAsync(account: account.name)
        if let current, current != stale, current.isAccessValid(at: clock.now(), minValid: minValid) {
            return current
        }
        switch plan(for: account, tokens: current, now: clock.now()) {
        case .refresh:
            guard let current else { return try await relogin(account, replacing: nil, interactive: interactive) }
            do {
                let fresh = try await authenticator.refresh(account, tokens: current)
                return try await storeRenewed(Self.keepingRefreshToken(of: current, in: fresh), replacing: current, account: account)
            } catch {
                guard case .tokenRejected = error else { throw error }
                if let newer = try await store.loadAsync(account: account.name), newer != current,
                   newer.isAccessValid(at: clock.now()) {
                    return newer
                }
                return try await relogin(account, replacing: current, interactive: interactive, after: error)
            }
        case .relogin, .interactive:
            return try await relogin(account, replacing: current, interactive: interactive)
        }
    }

    private func relogin(
        _ account: AccountConfig,
        replacing current: TokenSet?,
        interactive: Bool,
        after refreshError: AuthError? = nil
    ) async throws(AuthError) -> TokenSet {
        guard case .password(let source) = account.mode else {
            throw .unsupported("Account \(account.name) uses an API token; there is nothing to renew.")
        }
        guard source.isNonInteractive || (interactive && secrets.prompt != nil) else {
            let why = refreshError == nil
                ? (current == nil ? "is not logged in" : "has no usable refresh token")
                : "had its refresh token refused"
            throw .needsInteractiveLogin("Account \(account.name) \(why); log in again.")
        }
        let password = try await secrets.secret(for: account, interactive: interactive)
        switch try await authenticator.login(account, password: password) {
        case .loggedIn(let tokens):
            return try await storeRenewed(tokens, replacing: current, account: account)
        case .challenge(let challenge):
            throw .needsInteractiveLogin(
                "Account \(account.name): the provider asks for a new password (\(challenge.name)); log in interactively."
            )
        }
    }

    /// Stores renewed tokens; the old ones stay on disk until this write has replaced them.
    /// If the account was logged out while the request ran, the new tokens are not stored
    /// (a logout must not be undone by a renewal that finished late).
    private func storeRenewed(_ tokens: TokenSet, replacing current: TokenSet?, account: AccountConfig) async throws(AuthError) -> TokenSet {
        let stored = try await store.updateAsync(account: account.name) { stored -> Bool in
            if current != nil, stored == nil { return false }
            stored = tokens
            return true
        }
        guard stored else {
            throw .cancelled
        }
        return tokens
    }

    /// Wikimedia's token-refresh answers without a refresh token: the old one stays valid.
    static func keepingRefreshToken(of old: TokenSet, in fresh: TokenSet) -> TokenSet {
        guard fresh.refreshToken == nil, old.refreshToken != nil else { return fresh }
        var merged = fresh
        merged.refreshToken = old.refreshToken
        merged.refreshExpiresAt = old.refreshExpiresAt
        merged.refreshExpirySource = old.refreshExpirySource
        return merged
    }
}
