import FoundationEssentials

/// Runs `CognitoClient` for configured Cognito accounts: the endpoint from `base_url` or the
/// region, the app client from `client_id`, and its secret (when the client has one) resolved
/// from `client_secret_env` / `client_secret_command` at the moment of each call.
public struct CognitoAuthenticator: AccountAuthenticating {
    public let catalog: ProviderCatalog
    private let transport: any HTTPTransport
    private let secrets: SecretResolver
    private let clock: any WallClock

    public init(
        catalog: ProviderCatalog = ProviderCatalog(),
        transport: any HTTPTransport = CurlTransport(),
        secrets: SecretResolver = SecretResolver(),
        clock: any WallClock = SystemClock()
    ) {
        self.catalog = catalog
        self.transport = transport
        self.secrets = secrets
        self.clock = clock
    }

    func client(for account: AccountConfig) async throws(AuthError) -> CognitoClient {
        guard let settings = account.cognito else {
            throw .unsupported("Account \(account.name) is a Cognito account without client_id in the config.")
        }
        guard let endpoint = account.baseURL ?? settings.defaultEndpoint else {
            throw .unsupported("Account \(account.name) needs region (or base_url) to find its Cognito endpoint.")
        }
        var clientSecret: String?
        if let source = settings.clientSecret {
            // Never a prompt: the secret belongs to the app client, not to the person.
            clientSecret = try await secrets.resolve(source, account: account, keyPrefix: "client_secret", interactive: false)
        }
        return try CognitoClient(
            endpoint: endpoint, clientID: settings.clientID, clientSecret: clientSecret,
            provider: catalog.definition(id: account.providerID) ?? .cognito, transport: transport, clock: clock)
    }

    private func username(_ account: AccountConfig) throws(AuthError) -> String {
        guard let username = account.username, !username.isEmpty else {
            throw .unsupported("Account \(account.name) has no username in the config.")
        }
        return username
    }

    public func canRefresh(_ account: AccountConfig) -> Bool { true }

    public func login(_ account: AccountConfig, password: String) async throws(AuthError) -> AccountLoginOutcome {
        let name = try username(account)
        switch try await client(for: account).login(username: name, password: password) {
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
        case .logout: try await client(for: account).signOut(tokens)
        case .revoke: try await client(for: account).revokeToken(tokens)
        }
    }

    public func requestPasswordReset(_ account: AccountConfig) async throws(AuthError) {
        _ = try await requestPasswordResetCode(account)
    }

    public func requestPasswordResetCode(_ account: AccountConfig) async throws(AuthError) -> PasswordResetDelivery? {
        let name = try username(account)
        return try await client(for: account).requestPasswordReset(username: name)
    }

    public func confirmPasswordReset(_ account: AccountConfig, code: String, newPassword: String) async throws(AuthError) {
        let name = try username(account)
        try await client(for: account).confirmPasswordReset(username: name, code: code, newPassword: newPassword)
    }

    public func changePassword(_ account: AccountConfig, tokens: TokenSet, oldPassword: String, newPassword: String) async throws(AuthError) {
        try await client(for: account).changePassword(tokens: tokens, old: oldPassword, new: newPassword)
    }
}
