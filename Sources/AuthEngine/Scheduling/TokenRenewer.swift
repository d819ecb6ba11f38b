import FoundationEssentials

/// Renews one account's tokens: refresh, else re-login with a non-interactive password, else
/// report that a person must log in. Shared by the scheduler and `AccountService`, so that at
/// most one renewal per account runs at a time in this process: concurrent callers await the
/// same task.
///
/// Across processes (the TUI and any number of CLI commands) a renewal holds the account's
/// `RenewalLock` across its network call and, once inside, re-reads the store: a process that
/// waited finds the tokens the holder just stored and uses them. One refresh per expiry, however
/// many callers: a second refresh with a rotating refresh token would be refused (Starship may
/// even revoke the whole family), and Wikimedia counts refreshes per refresh token.
/// Renewed tokens are stored by compare-and-swap: only if the stored set is still the one the
/// renewal started from; otherwise the newer state (a login, a logout) wins.
public actor TokenRenewer {
    private let store: TokenStore
    private let authenticator: any AccountAuthenticating
    private let secrets: SecretResolver
    private let clock: any WallClock
    private let lockTimeout: TimeInterval
    private var inFlight: [String: Task<Result<TokenSet, AuthError>, Never>] = [:]
    private let gate: RenewalGate

    /// How many renewals run at once (see `RenewalGate`). A renewal keeps its place until its
    /// tokens are stored, so this also bounds how many updates one coalesced store write takes:
    /// refreshing 1,000 accounts measured 2.3–2.5x curl's time at 16 and 1.5–1.8x at 48
    /// (`Tests/Benchmarks/refresh-all.sh`).
    /// 48 keeps a renewal's thread, socket and lock file well under the usual 1,024 open files.
    public static let concurrentRenewals = 48

    public init(
        store: TokenStore,
        authenticator: any AccountAuthenticating,
        secrets: SecretResolver,
        clock: any WallClock,
        lockTimeout: TimeInterval = 60,
        concurrentRenewals: Int = TokenRenewer.concurrentRenewals
    ) {
        gate = RenewalGate(limit: concurrentRenewals)
        self.store = store
        self.authenticator = authenticator
        self.secrets = secrets
        self.clock = clock
        self.lockTimeout = lockTimeout
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
        let task = Task { [self, gate] () async -> Result<TokenSet, AuthError> in
            await gate.enter()
            defer { gate.leave() }
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
        let lock = try await store.lockRenewal(account: account.name, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        // Inside the lock: what another process stored while this one waited is final.
        let current = try await store.loadAsync(account: account.name)
        if let current, current != stale, current.coversMinValid(minValid, at: clock.now()) {
            return current
        }
        switch plan(for: account, tokens: current, now: clock.now()) {
        case .refresh:
            guard let current else { return try await relogin(account, replacing: nil, interactive: interactive) }
            do {
                let fresh = try await authenticator.refresh(account, tokens: current)
                return try await storeRenewed(Self.keepingRefreshToken(of: current, in: fresh), replacing: current, account: account)
            } catch {
                switch error {
                case .tokenRejected:
                    break
                case .rateLimited(retryAfter: nil, _):
                    // A refresh refused as too many without a time to retry (Wikimedia: "Refresh
                    // tokens limit has been exceeded.") will not work later either: the refresh
                    // token is spent. A login gets a new one.
                    break
                default:
                    throw error
                }
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
            let why: String
            switch refreshError {
            case nil: why = current == nil ? "is not logged in" : "has no usable refresh token"
            case .rateLimited?: why = "has used up the refreshes its refresh token allows"
            default: why = "had its refresh token refused"
            }
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

    /// Stores renewed tokens if the account still holds `current`, the set the renewal started
    /// from (compare-and-swap); the old ones stay on disk until this write replaces them.
    /// Otherwise the newer state wins: tokens another login stored are returned when valid, and
    /// a logout is never undone by a renewal that finished late (`.cancelled`).
    private func storeRenewed(_ tokens: TokenSet, replacing current: TokenSet?, account: AccountConfig) async throws(AuthError) -> TokenSet {
        let newer = try await store.updateAsync(account: account.name) { stored -> TokenSet?? in
            guard stored == current else { return .some(stored) }
            stored = tokens
            return .none
        }
        guard case .some(let newer) = newer else { return tokens }
        if let newer, newer.isAccessValid(at: clock.now()) { return newer }
        throw .cancelled
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
