import AuthEngine
import FoundationEssentials
import TerminalUI

/// Everything that can happen to the app, named for what happened. Replies carry the account
/// and, for form screens, the id of the request, so a reply for a screen the user has left
/// can be recognised and ignored.
enum AppMessage: Equatable, Sendable {
    case keyPressed(Key)
    case ticked(Date)
    case resized(Size)
    /// Another process wrote the store: what it now holds for each account, by expiry (an
    /// unreadable entry with a short reason, never the entry's text).
    case storeReloaded(Result<AccountExpiries, AuthError>)
    /// One account's stored tokens, read for its details or a copy (`AppModel.openTokens`).
    case tokensLoaded(account: String, requestID: Int, Result<TokenSet?, AuthError>)
    /// The token store's file was written or replaced, by this process or another (see
    /// `FileChangeWatcher`): read it again.
    case storeChangedOnDisk
    case loginFinished(account: String, requestID: Int, Result<AccountLoginOutcome, AuthError>)
    case challengeAnswered(account: String, requestID: Int, Result<TokenSet, AuthError>)
    case refreshFinished(account: String, Result<TokenSet, AuthError>)
    /// nil error: the session ended and the tokens were forgotten.
    /// `end`: how the session was ended, when the person chose (nil: the provider's one way).
    case logoutFinished(account: String, error: AuthError?, end: SessionEnd? = nil)
    /// `delivery`: where the code went, when the provider says (a masked destination).
    case passwordResetRequested(account: String, requestID: Int, error: AuthError?, delivery: PasswordResetDelivery? = nil)
    case passwordResetConfirmed(account: String, requestID: Int, error: AuthError?)
    case passwordChanged(account: String, requestID: Int, error: AuthError?)
    case schedulerReported(RefreshEvent)
    case copyFinished(Clipboard.CopyResult)
    case clipboardCleared(Clipboard.ClearResult)
    /// The config file was rewritten and read back (add, edit, delete account).
    case configSaved(requestID: Int, Result<ConfigSaved, ConfigEditError>)
}

extension AppMessage {
    /// The one account whose tokens this message may change (nil: none, or many).
    var tokensAccount: String? {
        switch self {
        case .loginFinished(let account, _, _), .challengeAnswered(let account, _, _), .refreshFinished(let account, _),
             .logoutFinished(let account, _, _), .schedulerReported(.finished(let account, _)):
            account
        default:
            nil
        }
    }
}
