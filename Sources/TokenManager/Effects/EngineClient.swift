import AuthEngine
import FoundationEssentials

/// Everything the app asks of the engine, as a value: a struct of closures (TCA's dependency
/// clients). `live` calls `AccountService` and `ConfigWriter`; tests build one from closures
/// that record what they were asked and answer at once, so a command can be run and the
/// message it produces checked without a network or a config file.
///
/// Every closure answers with a `Result` rather than throwing, so the runner never writes a
/// `try await` inside an expression (see DECISIONS.md, "Release miscompile").
struct EngineClient: Sendable {
    var login: @Sendable (_ account: String, _ password: String?) async -> Result<AccountLoginOutcome, AuthError>
    var answerChallenge: @Sendable (_ account: String, _ challenge: AccountChallenge, _ newPassword: String) async -> Result<TokenSet, AuthError>
    var refresh: @Sendable (_ account: String) async -> Result<TokenSet, AuthError>
    /// `end` nil: the provider's one way to end a session.
    var logout: @Sendable (_ account: String, _ end: SessionEnd?) async -> Result<Void, AuthError>
    /// The account as a form has it (forgot-password may use another username).
    /// Answers where the code went when the provider says (a masked destination).
    var requestPasswordReset: @Sendable (_ account: AccountConfig) async -> Result<PasswordResetDelivery?, AuthError>
    var confirmPasswordReset: @Sendable (_ account: AccountConfig, _ code: String, _ newPassword: String) async -> Result<Void, AuthError>
    var changePassword: @Sendable (_ account: String, _ oldPassword: String, _ newPassword: String) async -> Result<Void, AuthError>
    /// What the store holds for each account, by expiry; nil when the store file has not
    /// changed since this client last read it (nothing was read or decoded).
    var storedExpiries: @Sendable () async -> Result<AccountExpiries?, AuthError>
    /// One account's stored tokens (nil: none), for its details or a copy.
    var loadTokens: @Sendable (_ account: String) async -> Result<TokenSet?, AuthError>
    /// Adds (`replacing` nil) or rewrites an account in the config file and reads it back.
    var saveAccount: @Sendable (_ draft: AccountDraft, _ replacing: String?) async -> Result<ConfigSaved, ConfigEditError>
    var deleteAccount: @Sendable (_ name: String) async -> Result<ConfigSaved, ConfigEditError>
}

/// A config file rewritten and read back, and what went wrong with the stored tokens that
/// follow it (a renamed account's tokens, a deleted one's), if anything.
struct ConfigSaved: Equatable, Sendable {
    var config: TokenmanConfig
    var tokenWarning: String?
}

extension Result where Failure == AuthError {
    /// Runs an engine call and keeps its outcome; the awaited value is bound to a local first.
    static func of(_ body: () async throws(AuthError) -> Success) async -> Result {
        do {
            let value = try await body()
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}
