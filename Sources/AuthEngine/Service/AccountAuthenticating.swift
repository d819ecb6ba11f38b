import FoundationEssentials

/// The flows the state half needs from a provider, per account. The flows module's
/// `AuthClient` satisfies it through `AuthClientAuthenticator`; tests use scripted fakes.
///
/// Why a protocol here rather than calling AuthClient directly: the scheduler's and service's
/// decisions (when to refresh, when to re-login, when to give up) are tested with a fake whose
/// every call is counted, while the wire format is tested against the simulator.
public protocol AccountAuthenticating: Sendable {
    /// Whether the account's provider has a refresh endpoint (Exabits has none: re-login).
    func canRefresh(_ account: AccountConfig) -> Bool
    func login(_ account: AccountConfig, password: String) async throws(AuthError) -> AccountLoginOutcome
    func answerChallenge(
        _ account: AccountConfig,
        challenge: AccountChallenge,
        newPassword: String
    ) async throws(AuthError) -> TokenSet
    /// New tokens from the refresh token. Providers that keep the refresh token (Wikimedia)
    /// may return a set without one; the caller keeps the old one.
    func refresh(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError) -> TokenSet
    /// Ends the session at the provider the default way (logout, else revoke).
    func revoke(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError)
    /// Ends the session the way `end` says (the provider must have that endpoint).
    /// Defaults to `revoke`.
    func endSession(_ account: AccountConfig, tokens: TokenSet, with end: SessionEnd) async throws(AuthError)
    func requestPasswordReset(_ account: AccountConfig) async throws(AuthError)
    /// Like `requestPasswordReset`, and says where the code went when the provider tells
    /// (Cognito's masked `CodeDeliveryDetails`). Defaults to the plain request and nil.
    func requestPasswordResetCode(_ account: AccountConfig) async throws(AuthError) -> PasswordResetDelivery?
    func confirmPasswordReset(_ account: AccountConfig, code: String, newPassword: String) async throws(AuthError)
    func changePassword(
        _ account: AccountConfig,
        tokens: TokenSet,
        oldPassword: String,
        newPassword: String
    ) async throws(AuthError)
}

/// What a login produced: tokens, or a demand for a new password first (Wikimedia/Cognito
/// NEW_PASSWORD_REQUIRED).
public enum AccountLoginOutcome: Sendable, Equatable {
    case loggedIn(TokenSet)
    case challenge(AccountChallenge)
}

/// A pending login challenge: the flows' `ChallengeSession`. Lives in memory only (the TUI's
/// form state), never in the store.
public typealias AccountChallenge = ChallengeSession
