import FoundationEssentials

/// The engine's façade for the TUI and the CLI: every account operation goes through here, and
/// every write of tokens goes through the store's locked update (old tokens stay on disk until
/// the new ones are stored).
public final class AccountService: Sendable {
    public let accounts: [AccountConfig]
    public let store: TokenStore
    public let renewer: TokenRenewer
    private let authenticator: any AccountAuthenticating
    private let secrets: SecretResolver
    private let clock: any WallClock

    public init(
        accounts: [AccountConfig],
        store: TokenStore,
        authenticator: any AccountAuthenticating,
        secrets: SecretResolver = SecretResolver(),
        clock: any WallClock = SystemClock()
    ) {
        self.accounts = accounts
        self.store = store
        self.authenticator = authenticator
        self.secrets = secrets
        self.clock = clock
        renewer = TokenRenewer(store: store, authenticator: authenticator, secrets: secrets, clock: clock)
    }

    /// The usual wiring: the config's accounts and providers over HTTP (libcurl, loaded on the
    /// first request only).
    public convenience init(
        config: TokenmanConfig,
        store: TokenStore,
        transport: (any HTTPTransport)? = nil,
        secrets: SecretResolver = SecretResolver(),
        clock: any WallClock = SystemClock()
    ) {
        let transport = transport ?? CurlTransport(options: .init(timeout: config.settings.httpTimeout, caFile: config.settings.caFile))
        self.init(
            accounts: config.accounts,
            store: store,
            authenticator: ProviderAuthenticator(catalog: config.catalog, transport: transport, secrets: secrets, clock: clock),
            secrets: secrets,
            clock: clock
        )
    }

    /// A scheduler renewing this service's accounts, sharing its single-flight renewer.
    public func makeScheduler(policy: RefreshPolicy = RefreshPolicy()) -> RefreshScheduler {
        RefreshScheduler(accounts: accounts, store: store, renewer: renewer, clock: clock, policy: policy)
    }

    public func account(named name: String) throws(AuthError) -> AccountConfig {
        guard let account = accounts.first(where: { $0.name == name }) else {
            let known = accounts.map(\.name).joined(separator: ", ")
            throw .unsupported("No account named \"\(name)\" (configured: \(known.isEmpty ? "none" : known)).")
        }
        return account
    }

    // MARK: - Tokens

    /// Tokens valid for at least `minValid` seconds (or, when the provider grants less, for as
    /// long as it grants: see `TokenSet.coversMinValid`): the stored ones when they are, else
    /// refreshed, else from a re-login with a non-interactive password (or, when `interactive`,
    /// the resolver's prompt), else `.needsInteractiveLogin`. API-token accounts return their
    /// token from its secret source (never stored).
    public func validTokens(account name: String, minValid: TimeInterval = 0, interactive: Bool = false) async throws(AuthError) -> TokenSet {
        let account = try account(named: name)
        if case .apiToken = account.mode {
            let token = try await secrets.secret(for: account, interactive: interactive)
            return TokenSet(accessToken: token, accessExpirySource: .never, refreshExpirySource: .never, obtainedAt: clock.now())
        }
        let cached = try await store.loadAsync(account: name)
        if let cached, cached.coversMinValid(minValid, at: clock.now()) { return cached }
        return try await renewer.renew(account, replacing: cached, minValid: minValid, interactive: interactive)
    }

    /// The stored tokens without any network: the CLI's fast path and the TUI's first frame.
    public func storedTokens() throws(AuthError) -> [String: TokenSet] {
        try storedSnapshot().tokens
    }

    /// What the store holds for each configured account (in config order), reduced to the
    /// expiry, unless the store file still has the stamp `previous` (then nil: nothing was read).
    /// What the TUI keeps: its list needs no token (issue 13).
    public func storedExpiries(ifChangedFrom previous: TokenFileStamp?) throws(AuthError) -> AccountExpiries? {
        let reading: (expiries: StoredExpiries, stamp: TokenFileStamp)?
        do { reading = try store.expiries(ifChangedFrom: previous) } catch { throw .storage(error.description) }
        guard let reading else { return nil }
        let names = accounts.map(\.name)
        return AccountExpiries(names: names, entries: reading.expiries.of(names), stamp: reading.stamp)
    }

    /// One account's stored tokens (nil: none), read off the cooperative pool without building
    /// a list of every entry: the TUI's details screen and copy menu.
    public func storedTokens(account name: String) async throws(AuthError) -> TokenSet? {
        switch await store.loadOneAsync(account: name) {
        case .success(let tokens): return tokens
        case .failure(let error): throw .storage(error.description)
        }
    }

    /// The stored tokens and the accounts whose entries cannot be read, without any network.
    public func storedSnapshot() throws(AuthError) -> TokenStoreSnapshot {
        do { return try store.snapshot() } catch { throw .storage(error.description) }
    }

    // MARK: - Login

    /// Logs in with `password`, or with the account's secret source when nil (a prompt source
    /// uses the resolver's prompt). Stores the tokens; a challenge is returned for the caller
    /// to answer with `answerChallenge`.
    public func login(account name: String, password: String? = nil) async throws(AuthError) -> AccountLoginOutcome {
        let account = try account(named: name)
        guard case .password = account.mode else {
            throw .unsupported("Account \(name) uses an API token; there is no login.")
        }
        let secret: String
        if let password { secret = password } else { secret = try await secrets.secret(for: account, interactive: true) }
        let outcome = try await authenticator.login(account, password: secret)
        if case .loggedIn(let tokens) = outcome { try await save(tokens, account: name) }
        return outcome
    }

    public func answerChallenge(account name: String, challenge: AccountChallenge, newPassword: String) async throws(AuthError) -> TokenSet {
        let account = try account(named: name)
        if challenge.isExpired(at: clock.now()) { throw .challengeExpired }
        let tokens = try await authenticator.answerChallenge(account, challenge: challenge, newPassword: newPassword)
        try await save(tokens, account: name)
        return tokens
    }

    /// Renews now, whatever the remaining lifetime (the TUI's "refresh" key).
    public func refresh(account name: String) async throws(AuthError) -> TokenSet {
        let account = try account(named: name)
        let current = try await store.loadAsync(account: name)
        return try await refresh(account, current: current)
    }

    /// `refresh(account:)` with the store as `stored` read it (`AccountRefresh` reads it once
    /// for every account it renews). The renewal reads the account again under its lock, so
    /// an older reading only names the tokens that are being replaced.
    func refresh(account name: String, storedIn stored: TokenStoreSnapshot) async throws(AuthError) -> TokenSet {
        let account = try account(named: name)
        if let detail = stored.unreadable[name] {
            throw .storage(TokenStoreError.unreadableEntry(path: store.filePath, account: name, detail: detail).description)
        }
        return try await refresh(account, current: stored.tokens[name])
    }

    private func refresh(_ account: AccountConfig, current: TokenSet?) async throws(AuthError) -> TokenSet {
        guard current != nil else { throw .needsInteractiveLogin("Account \(account.name) is not logged in.") }
        return try await renewer.renew(account, replacing: current, minValid: .infinity)
    }

    /// Ends the session at the provider (`end`, else logout or revoke, whichever it has), then
    /// forgets the tokens. When the provider cannot be told (network, 5xx), the tokens are
    /// kept and the error thrown, unless `forgetOnFailure`.
    public func logout(account name: String, end: SessionEnd? = nil, forgetOnFailure: Bool = false) async throws(AuthError) {
        let account = try account(named: name)
        guard let tokens = try await store.loadAsync(account: name) else { return }
        do {
            if let end {
                try await authenticator.endSession(account, tokens: tokens, with: end)
            } else {
                try await authenticator.revoke(account, tokens: tokens)
            }
        } catch {
            switch error {
            case .unsupported, .tokenRejected, .wrongCredentials:
                break // Nothing to end at the provider, or already ended.
            default:
                if !forgetOnFailure { throw error }
            }
        }
        _ = try await store.updateAsync(account: name) { $0 = nil }
    }

    // MARK: - Passwords

    /// Returns where the code went when the provider says (Cognito), for the person to look there.
    @discardableResult
    public func requestPasswordReset(account name: String) async throws(AuthError) -> PasswordResetDelivery? {
        try await authenticator.requestPasswordResetCode(try account(named: name))
    }

    public func confirmPasswordReset(account name: String, code: String, newPassword: String) async throws(AuthError) {
        try await authenticator.confirmPasswordReset(try account(named: name), code: code, newPassword: newPassword)
    }

    public func changePassword(account name: String, oldPassword: String, newPassword: String) async throws(AuthError) {
        let account = try account(named: name)
        let tokens = try await validTokens(account: name, minValid: 30)
        try await authenticator.changePassword(account, tokens: tokens, oldPassword: oldPassword, newPassword: newPassword)
    }

    // MARK: - Status

    public func status() throws(AuthError) -> [AccountStatus] {
        status(from: try storedSnapshot())
    }

    /// `status()` over a snapshot the caller already read (`list` reads the store once).
    public func status(from stored: TokenStoreSnapshot) -> [AccountStatus] {
        let now = clock.now()
        return accounts.map { account in
            status(of: account, expiry: stored.tokens[account.name].map(TokenExpiry.init), isUnreadable: stored.unreadable[account.name] != nil, now: now)
        }
    }

    /// `status(from:)` over expiries (`tokenman list`, which needs no more of the tokens);
    /// `stored[i]` is for `accounts[i]` (see `StoredExpiries.of`).
    public func status(from stored: [StoredExpiry]) -> [AccountStatus] {
        let now = clock.now()
        return zip(accounts, stored).map { account, entry in
            switch entry {
            case .none: status(of: account, expiry: nil, isUnreadable: false, now: now)
            case .expiry(let expiry): status(of: account, expiry: expiry, isUnreadable: false, now: now)
            case .unreadable: status(of: account, expiry: nil, isUnreadable: true, now: now)
            }
        }
    }

    private func status(of account: AccountConfig, expiry: TokenExpiry?, isUnreadable: Bool, now: Date) -> AccountStatus {
        if case .password = account.mode, isUnreadable {
            return AccountStatus(account: account.name, providerID: account.providerID, state: .unreadable)
        }
        return AccountStatus.of(account, expiry: expiry, now: now)
    }

    private func save(_ tokens: TokenSet, account: String) async throws(AuthError) {
        _ = try await store.updateAsync(account: account) { $0 = tokens }
    }
}
