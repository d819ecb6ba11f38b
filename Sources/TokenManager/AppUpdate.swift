import CheckedNumbers
import AuthEngine
import FoundationEssentials
import TerminalUI

/// The one pure update: applies a message to the model and returns the work to do. Keys go
/// to the overlay if one is shown, else to the current screen's own update.
enum AppUpdate {
    /// How often the token store is re-read, for logins and renewals done by another
    /// process (`tokenman token` in a script).
    static let storeReloadSeconds = 10
    /// With the store watched (`AppModel.watchesStore`) changes arrive as `.storeChangedOnDisk`;
    /// this slow poll only covers what a watch cannot see (a store on a network file system
    /// written from another machine).
    static let watchedStoreReloadSeconds = 120

    static func update(_ model: inout AppModel, _ message: AppMessage) -> [AppCommand] {
        ActivityRecorder.record(&model, message)
        var commands = apply(&model, message)
        // The one place token changes reach the list's order: a message about one account
        // moves that row; a whole store reading re-sorts (only when sorted by expiry).
        model.refreshListRows(changedAccount: message.tokensAccount)
        commands += keepOpenTokens(&model, storeChanged: message.isStoreReading)
        return commands
    }

    private static func apply(_ model: inout AppModel, _ message: AppMessage) -> [AppCommand] {
        switch message {
        case .keyPressed(let key):
            if case .mouse(let event) = key { return mouse(&model, event) }
            return keyPressed(&model, key)
        case .ticked(let now):
            model.now = now
            var commands = ClipboardFlow.tick(&model)
            let interval = model.watchesStore ? watchedStoreReloadSeconds : storeReloadSeconds
            if Int(clamping: now.timeIntervalSince1970, rounding: .down) % interval == 0 { commands.append(.reloadStore) }
            return commands
        case .storeChangedOnDisk:
            return [.reloadStore]
        case .resized(let size):
            model.size = size
            return []
        case .storeReloaded(.success(let reading)):
            model.applyStoreReading(reading)
            return []
        case .tokensLoaded(let account, let requestID, let result):
            return tokensLoaded(&model, account: account, requestID: requestID, result: result)
        case .storeReloaded(.failure(let error)):
            model.setStatus(error.message, role: .danger)
            return []
        case .loginFinished(let account, let requestID, let result):
            return LoginScreen.finished(&model, account: account, requestID: requestID, result: result)
        case .challengeAnswered(let account, let requestID, let result):
            return NewPasswordScreen.finished(&model, account: account, requestID: requestID, result: result)
        case .refreshFinished(let account, let result):
            refreshFinished(&model, account: account, result: result)
            return []
        case .logoutFinished(let account, let error, let end):
            model.updateActivity(of: account) { $0.operation = nil }
            if let error {
                model.updateActivity(of: account) { $0.lastError = error.message }
                model.setStatus("\(account): \(error.message)", role: .danger, account: account)
            } else {
                model.setTokens(nil, of: account)
                model.updateActivity(of: account) { $0.lastError = nil }
                let done = end == .revoke ? "revoked the refresh token of \(account)" : "logged out of \(account)"
                model.setStatus(done, role: .success, account: account)
            }
            return []
        case .passwordResetRequested(let account, let requestID, let error, let delivery):
            return ForgotPasswordScreen.codeRequested(&model, account: account, requestID: requestID, error: error, delivery: delivery)
        case .passwordResetConfirmed(let account, let requestID, let error):
            return ForgotPasswordScreen.resetConfirmed(&model, account: account, requestID: requestID, error: error)
        case .passwordChanged(let account, let requestID, let error):
            return ChangePasswordScreen.finished(&model, account: account, requestID: requestID, error: error)
        case .schedulerReported(let event):
            schedulerReported(&model, event)
            return []
        case .copyFinished(.copied(let label)):
            if model.clipboard == nil { model.setStatus("copied \(label)", role: .success) }
            return []
        case .copyFinished(.failed(let label, let reason)):
            model.clipboard = nil
            model.setStatus("could not copy \(label): \(reason)", role: .danger)
            return []
        case .clipboardCleared(.cleared):
            model.setStatus("clipboard cleared")
            return []
        case .clipboardCleared(.leftChanged):
            model.setStatus("clipboard changed since the copy; left alone")
            return []
        case .configSaved(let requestID, let result):
            return AccountFormScreen.saved(&model, requestID: requestID, result: result)
        }
    }

    static func keyPressed(_ model: inout AppModel, _ key: Key) -> [AppCommand] {
        if let overlay = model.overlay {
            switch overlay {
            case .help:
                if key == .control("c") { return quit(&model) }
                HelpScreen.update(&model, key: key)
                return []
            case .copyMenu(let menu):
                return CopyMenu.update(&model, menu, key: key)
            case .confirm(let request):
                return confirm(&model, request, key: key)
            }
        }
        switch model.screen {
        case .accounts:
            model.formOrigin = nil  // a form opened from here returns here
            return accountListKey(&model, key)
        case .detail(let screen): return detailKey(&model, screen, key)
        case .login(let screen): return formKey(&model, screen, key)
        case .newPassword(let screen): return formKey(&model, screen, key)
        case .forgotPassword(let screen): return formKey(&model, screen, key)
        case .changePassword(let screen): return formKey(&model, screen, key)
        case .accountForm(let screen): return formKey(&model, screen, key)
        case .activityLog(let screen): return activityLogKey(&model, screen, key)
        }
    }

    /// Ctrl-C quits from any form; every other key is the form's.
    private static func formKey<S: FormScreen>(_ model: inout AppModel, _ screen: S, _ key: Key) -> [AppCommand] {
        key == .control("c") ? quit(&model) : FormRouting.update(&model, screen, key: key)
    }

    private static func confirm(_ model: inout AppModel, _ request: ConfirmRequest, key: Key) -> [AppCommand] {
        guard let answer = request.dialog.answer(for: key) else {
            // A question too long for the screen scrolls.
            if let offset = request.dialog.offset(after: key, in: Rect(size: model.size)) {
                var request = request
                request.dialog.offset = offset
                model.overlay = .confirm(request)
            }
            return []
        }
        model.overlay = nil
        guard answer != .no else { return [] }
        switch request.action {
        case .logout(let account):
            model.updateActivity(of: account) { $0.operation = .loggingOut }
            return [.logout(account: account, end: LogoutDialog.end(for: answer))]
        case .deleteAccount(let account):
            guard answer == .yes else { return [] }
            return [.deleteAccount(name: account, requestID: model.makeRequestID())]
        }
    }

    private static func schedulerReported(_ model: inout AppModel, _ event: RefreshEvent) {
        switch event {
        case .started(let account, _):
            model.updateActivity(of: account) { if $0.operation == nil { $0.operation = .refreshing } }
        case .finished(let account, let tokens):
            model.setTokens(tokens, of: account)
            model.updateActivity(of: account) {
                if $0.operation == .refreshing { $0.operation = nil }
                $0.lastError = nil
            }
        case .failed(let account, let error, let retryAt):
            let message = "\(error.message) Retrying \(Countdown.relative(retryAt, now: model.now))."
            model.updateActivity(of: account) {
                if $0.operation == .refreshing { $0.operation = nil }
                $0.lastError = message
            }
        case .needsLogin(let account, let reason):
            model.updateActivity(of: account) { if $0.operation == .refreshing { $0.operation = nil } }
            model.setStatus("\(account): \(reason)", role: .warning, account: account)
        }
    }

    /// Quits, clearing the clipboard first if it still holds a token we put there.
    static func quit(_ model: inout AppModel) -> [AppCommand] {
        var commands: [AppCommand] = []
        if let state = model.clipboard {
            model.clipboard = nil
            commands.append(.clearClipboard(state))
        }
        commands.append(.quit)
        return commands
    }
}
