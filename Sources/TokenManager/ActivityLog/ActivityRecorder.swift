import AuthEngine
import FoundationEssentials
import TerminalUI

/// Turns what happened (the app's messages) into activity log entries. Called once per
/// message before the update applies it, so the log sees replies for forms the user left too.
enum ActivityRecorder {
    static func record(_ model: inout AppModel, _ message: AppMessage) {
        let now = model.now
        func log(_ kind: ActivityLog.Entry.Kind, _ text: String, _ account: String?) {
            model.activityLog.append(kind, text, account: account, at: now)
        }
        switch message {
        case .loginFinished(let account, _, .success(.loggedIn)):
            log(.login, "logged in", account)
            newTokens(&model, account)
        case .loginFinished(let account, _, .success(.challenge)):
            log(.login, "the provider asks for a new password", account)
        case .loginFinished(let account, _, .failure(let error)):
            log(.failure, "login failed: \(error.message)", account)
        case .challengeAnswered(let account, _, .success):
            log(.login, "new password set; logged in", account)
            newTokens(&model, account)
        case .challengeAnswered(let account, _, .failure(let error)):
            log(.failure, "new password refused: \(error.message)", account)
        case .refreshFinished(let account, .success):
            log(.renewal, "renewed (by hand)", account)
            newTokens(&model, account)
        case .refreshFinished(let account, .failure(let error)):
            log(.failure, "renewal failed: \(error.message)", account)
        case .logoutFinished(let account, nil, .revoke):
            log(.logout, "revoked; tokens forgotten", account)
        case .logoutFinished(let account, nil, _):
            log(.logout, "logged out; tokens forgotten", account)
        case .logoutFinished(let account, let error?, .revoke):
            log(.failure, "revoke failed: \(error.message)", account)
        case .logoutFinished(let account, let error?, _):
            log(.failure, "logout failed: \(error.message)", account)
        case .passwordResetRequested(let account, _, let error?, _):
            log(.failure, "password reset request failed: \(error.message)", account)
        case .passwordResetConfirmed(let account, _, nil):
            log(.login, "password reset", account)
        case .passwordResetConfirmed(let account, _, let error?):
            log(.failure, "password reset failed: \(error.message)", account)
        case .passwordChanged(let account, _, nil):
            log(.login, "password changed", account)
        case .passwordChanged(let account, _, let error?):
            log(.failure, "password change failed: \(error.message)", account)
        case .schedulerReported(let event):
            recordScheduler(&model, event)
        case .copyFinished(.copied(let label)):
            log(.copy, "copied \(label)", model.activityLog.copyAccount)
        case .copyFinished(.failed(let label, let reason)):
            log(.failure, "could not copy \(label): \(reason)", model.activityLog.copyAccount)
        case .clipboardCleared(.cleared):
            log(.clear, "clipboard cleared", model.activityLog.copyAccount)
        case .clipboardCleared(.leftChanged):
            log(.clear, "clipboard changed since the copy; left alone", model.activityLog.copyAccount)
        default:
            break
        }
    }

    /// New tokens end the scheduler's backoff or stop for the account (it compares tokens).
    private static func newTokens(_ model: inout AppModel, _ account: String) {
        model.activityLog.updateAutomaticRenewal(of: account) {
            $0.retryAt = nil
            $0.stoppedReason = nil
        }
    }

    private static func recordScheduler(_ model: inout AppModel, _ event: RefreshEvent) {
        let now = model.now
        switch event {
        case .started:
            return
        case .finished(let account, _):
            model.activityLog.append(.renewal, "renewed automatically", account: account, at: now)
            model.activityLog.updateAutomaticRenewal(of: account) {
                $0.lastRenewed = now
                $0.retryAt = nil
                $0.stoppedReason = nil
            }
        case .failed(let account, let error, let retryAt):
            let retry = ActivityLogScreen.time(retryAt, now: now, in: model.timeZone)
            model.activityLog.append(.failure, "automatic renewal failed: \(error.message) Retrying at \(retry).", account: account, at: now)
            model.activityLog.updateAutomaticRenewal(of: account) { $0.retryAt = retryAt }
        case .needsLogin(let account, let reason):
            model.activityLog.append(.failure, "automatic renewal stopped: \(reason)", account: account, at: now)
            model.activityLog.updateAutomaticRenewal(of: account) {
                $0.retryAt = nil
                $0.stoppedReason = reason
            }
        }
    }
}
