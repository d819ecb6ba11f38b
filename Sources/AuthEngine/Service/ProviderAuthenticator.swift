/// The authenticator the app and the CLI use: each account goes to the flows of its provider's
/// wire protocol (`ProviderAPI`): the generic JSON flows, or Cognito's.
public struct ProviderAuthenticator: AccountAuthenticating {
    public let catalog: ProviderCatalog
    private let json: AuthClientAuthenticator
    private let cognito: CognitoAuthenticator

    public init(
        catalog: ProviderCatalog,
        transport: any HTTPTransport = CurlTransport(),
        secrets: SecretResolver = SecretResolver(),
        clock: any WallClock = SystemClock()
    ) {
        self.catalog = catalog
        json = AuthClientAuthenticator(catalog: catalog, transport: transport, clock: clock)
        cognito = CognitoAuthenticator(catalog: catalog, transport: transport, secrets: secrets, clock: clock)
    }

    private func route(_ account: AccountConfig) -> any AccountAuthenticating {
        catalog.definition(id: account.providerID)?.api == .cognito ? cognito : json
    }

    public func canRefresh(_ account: AccountConfig) -> Bool { route(account).canRefresh(account) }

    public func login(_ account: AccountConfig, password: String) async throws(AuthError) -> AccountLoginOutcome {
        try await route(account).login(account, password: password)
    }

    public func answerChallenge(_ account: AccountConfig, challenge: AccountChallenge, newPassword: String) async throws(AuthError) -> TokenSet {
        try await route(account).answerChallenge(account, challenge: challenge, newPassword: newPassword)
    }

    public func refresh(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError) -> TokenSet {
        try await route(account).refresh(account, tokens: tokens)
    }

    public func revoke(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError) {
        try await route(account).revoke(account, tokens: tokens)
    }

    public func endSession(_ account: AccountConfig, tokens: TokenSet, with end: SessionEnd) async throws(AuthError) {
        try await route(account).endSession(account, tokens: tokens, with: end)
    }

    public func requestPasswordReset(_ account: AccountConfig) async throws(AuthError) {
        try await route(account).requestPasswordReset(account)
    }

    public func requestPasswordResetCode(_ account: AccountConfig) async throws(AuthError) -> PasswordResetDelivery? {
        try await route(account).requestPasswordResetCode(account)
    }

    public func confirmPasswordReset(_ account: AccountConfig, code: String, newPassword: String) async throws(AuthError) {
        try await route(account).confirmPasswordReset(account, code: code, newPassword: newPassword)
    }

    public func changePassword(_ account: AccountConfig, tokens: TokenSet, oldPassword: String, newPassword: String) async throws(AuthError) {
        try await route(account).changePassword(account, tokens: tokens, oldPassword: oldPassword, newPassword: newPassword)
    }
}
