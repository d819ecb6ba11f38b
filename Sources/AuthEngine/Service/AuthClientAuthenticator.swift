import FoundationEssentials

/// Runs the flows' `AuthClient` for configured accounts: picks the provider definition from the
/// catalog and the account's base URL, and supplies the username.
public struct AuthClientAuthenticator: AccountAuthenticating {
    public let catalog: ProviderCatalog
    private let transport: any HTTPTransport
    private let clock: any WallClock

    public init(catalog: ProviderCatalog, transport: any HTTPTransport = CurlTransport(), clock: any WallClock = SystemClock()) {
        self.catalog = catalog
        self.transport = transport
        self.clock = clock
    }

    func client(for account: AccountConfig) throws(AuthError) -> AuthClient {
        guard let provider = catalog.definition(id: account.providerID) else {
            throw .unsupported("Account \(account.name) uses an unknown provider \"\(account.providerID)\".")
        }
        return AuthClient(provider: provider, baseURL: account.baseURL, transport: transport, clock: clock, caFile: account.caFile)
    }

    private func username(_ account: AccountConfig) throws(AuthError) -> String {
        guard let username = account.username, !username.isEmpty else {
            throw .unsupported("Account \(account.name) has no username in the config.")
        }
        return username
    }

    public func canRefresh(_ account: AccountConfig) -> Bool {
        catalog.definition(id: account.providerID)?.canRefresh ?? false
    }

    public func login(_ account: AccountConfig, password: String) async throws(AuthError) -> AccountLoginOutcome {
        switch try await client(for: account).login(username: try username(account), password: password) {
        case .tokens(let tokens): return .loggedIn(tokens)
        case .newPasswordRequired(let challenge): return .challenge(challenge)
        }
    }

    public func answerChallenge(_ account: AccountConfig, challenge: AccountChallenge, newPassword: String) async throws(AuthError) -> TokenSet {
        try await client(for: account).answerNewPasswordChallenge(challenge, newPassword: newPassword)
    }

    public func refresh(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError) -> TokenSet {
        try await client(for: account).refresh(tokens, username: account.username)
    }

    public func revoke(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError) {
        try await client(for: account).signOut(tokens)
    }

    public func endSession(_ account: AccountConfig, tokens: TokenSet, with end: SessionEnd) async throws(AuthError) {
        switch end {
        case .logout: try await client(for: account).logout(tokens)
        case .revoke: try await client(for: account).revoke(tokens)
        }
    }

    public func requestPasswordReset(_ account: AccountConfig) async throws(AuthError) {
        try await client(for: account).requestPasswordReset(username: try username(account))
    }

    public func confirmPasswordReset(_ account: AccountConfig, code: String, newPassword: String) async throws(AuthError) {
        try await client(for: account).confirmPasswordReset(username: try username(account), code: code, newPassword: newPassword)
    }

    public func changePassword(_ account: AccountConfig, tokens: TokenSet, oldPassword: String, newPassword: String) async throws(AuthError) {
        try await client(for: account).changePassword(tokens: tokens, old: oldPassword, new: newPassword)
    }
}
