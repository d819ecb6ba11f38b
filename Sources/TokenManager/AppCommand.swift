import AuthEngine
import FoundationEssentials
import TerminalUI

/// Work `update` asks for, as a plain value: tests compare commands, and `CommandRunner`
/// turns each into an `Effect` that runs off the UI thread and returns an `AppMessage`.
enum AppCommand: Equatable, Sendable {
    /// `password` nil: use the account's non-interactive source (env var, command).
    case login(account: String, password: String?, requestID: Int)
    case answerChallenge(account: String, challenge: AccountChallenge, newPassword: String, requestID: Int)
    case refresh(account: String)
    /// `end` nil: the provider's one way (logout, else revoke).
    case logout(account: String, end: SessionEnd? = nil)
    /// The account as the form has it (the username may differ from the config's).
    case requestPasswordReset(account: AccountConfig, requestID: Int)
    case confirmPasswordReset(account: AccountConfig, code: String, newPassword: String, requestID: Int)
    case changePassword(account: String, oldPassword: String, newPassword: String, requestID: Int)
    case reloadStore
    /// Reads one account's tokens (`AppMessage.tokensLoaded`).
    case loadTokens(account: String, requestID: Int)
    case copy(text: String, label: String)
    case clearClipboard(ClipboardState)
    case saveAccount(AccountDraft, replacing: String?, requestID: Int)
    case deleteAccount(name: String, requestID: Int)
    case quit
}

extension AppCommand: CustomStringConvertible {
    /// Names the command without any password, token or session (for logs and test output).
    var description: String {
        switch self {
        case .login(let account, let password, _): return "login(\(account), \(password == nil ? "from source" : "typed"))"
        case .answerChallenge(let account, _, _, _): return "answerChallenge(\(account))"
        case .refresh(let account): return "refresh(\(account))"
        case .logout(let account, let end): return end.map { "logout(\(account), \($0.rawValue))" } ?? "logout(\(account))"
        case .requestPasswordReset(let account, _): return "requestPasswordReset(\(account.name))"
        case .confirmPasswordReset(let account, _, _, _): return "confirmPasswordReset(\(account.name))"
        case .changePassword(let account, _, _, _): return "changePassword(\(account))"
        case .reloadStore: return "reloadStore"
        case .loadTokens(let account, _): return "loadTokens(\(account))"
        case .copy(_, let label): return "copy(\(label))"
        case .clearClipboard: return "clearClipboard"
        case .saveAccount(let draft, let replacing, _): return "saveAccount(\(draft.name), replacing: \(replacing ?? "nil"))"
        case .deleteAccount(let name, _): return "deleteAccount(\(name))"
        case .quit: return "quit"
        }
    }
}
