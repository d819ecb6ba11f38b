import AuthEngine
import Foundation
import TerminalUI

/// Log in with a typed password, or (left empty) with the account's `password_env` /
/// `password_command`. A NEW_PASSWORD_REQUIRED answer leads straight to `NewPasswordScreen`.
struct LoginScreen: Equatable, Sendable {
    var account: String
    var form: FormState
    /// The request in flight; a reply with another id is for a form the user left.
    var requestID: Int?
    /// How the configured source is described ("$WM_PASSWORD"), when it needs no person.
    var sourceDescription: String?

    init(account: AccountConfig) {
        self.account = account.name
        if case .password(let source) = account.mode {
            switch source {
            case .prompt: sourceDescription = nil
            case .environment(let variable): sourceDescription = "$\(variable)"
            case .command: sourceDescription = "password_command"
            }
        }
        let placeholder = sourceDescription.map { "leave empty to use \($0)" } ?? ""
        form = FormState(
            title: "Log in · \(account.name)",
            fields: [FormField(id: "password", label: "Password", masked: true, placeholder: placeholder)],
            submitLabel: "log in")
    }

    static func open(_ model: inout AppModel, account: AccountConfig) -> [AppCommand] {
        if case .apiToken = account.mode {
            model.setStatus("\(account.name) uses an API token; there is nothing to log in to", role: .warning)
            return []
        }
        if let challenge = model.activity(of: account.name).pendingChallenge, !challenge.isExpired(at: model.now) {
            model.screen = .newPassword(NewPasswordScreen(account: account, challenge: challenge))
            return []
        }
        model.screen = .login(LoginScreen(account: account))
        return []
    }

    static func update(_ model: inout AppModel, key: Key) -> [AppCommand] {
        guard case .login(var screen) = model.screen else { return [] }
        var commands: [AppCommand] = []
        switch screen.form.handle(key) {
        case .cancel:
            if screen.requestID != nil {
                // The request keeps running (the engine stores what it gets), but its reply
                // no longer drives this form.
                model.updateActivity(of: screen.account) { $0.operation = nil }
            }
            model.screen = .accounts
            return []
        case .submit:
            let password = screen.form.value(of: "password")
            if password.isEmpty, screen.sourceDescription == nil {
                _ = screen.form.apply(["password": "Password is required"])
                break
            }
            let id = model.makeRequestID()
            screen.requestID = id
            screen.form.isSubmitting = true
            screen.form.formError = nil
            model.updateActivity(of: screen.account) { $0.operation = .loggingIn; $0.lastError = nil }
            commands = [.login(account: screen.account, password: password.isEmpty ? nil : password, requestID: id)]
        default:
            break
        }
        model.screen = .login(screen)
        return commands
    }

    static func finished(_ model: inout AppModel, account: String, requestID: Int, result: Result<AccountLoginOutcome, AuthError>) -> [AppCommand] {
        model.updateActivity(of: account) { $0.operation = nil }
        let isCurrent: Bool
        if case .login(let screen) = model.screen, screen.requestID == requestID { isCurrent = true } else { isCurrent = false }
        switch result {
        case .success(.loggedIn(let tokens)):
            // The engine stored the tokens whether or not the form is still open.
            model.tokens[account] = tokens
            model.updateActivity(of: account) { $0.lastError = nil; $0.pendingChallenge = nil }
            if isCurrent {
                model.screen = .accounts
                model.setStatus("logged in to \(account)", role: .success)
            }
        case .success(.challenge(let challenge)):
            model.updateActivity(of: account) { $0.pendingChallenge = challenge }
            if isCurrent, let config = model.account(named: account) {
                model.screen = .newPassword(NewPasswordScreen(account: config, challenge: challenge))
            }
        case .failure(.passwordResetRequired(let reason)):
            // Cognito will not log this user in until the password is reset with a code.
            model.updateActivity(of: account) { $0.lastError = reason }
            if isCurrent, let config = model.account(named: account) {
                model.screen = .forgotPassword(ForgotPasswordScreen(account: config))
                model.setStatus(AuthError.passwordResetRequired(reason).message, role: .warning)
            }
        case .failure(let error):
            if isCurrent, case .login(var screen) = model.screen {
                screen.requestID = nil
                screen.form.isSubmitting = false
                screen.form.formError = error.message
                model.screen = .login(screen)
            } else {
                model.updateActivity(of: account) { $0.lastError = error.message }
            }
        }
        return []
    }

    static func render(_ screen: LoginScreen, model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        var context: [(String, Role)] = []
        if let account = model.account(named: screen.account) {
            context.append(("\(model.providerShortName(of: account)) · user \(account.username ?? "?")", .muted))
        }
        if let source = screen.sourceDescription {
            context.append(("Type a password, or leave it empty to use \(source).", .muted))
        }
        FormFrame.render(screen.form, context: context, now: now, into: &canvas, in: rect)
    }
}
