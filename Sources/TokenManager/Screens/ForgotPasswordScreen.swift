import AuthEngine
import Foundation
import TerminalUI

/// Forgot password in two steps: the username (the provider sends a code), then the code and
/// the new password twice. Ends on the login form.
struct ForgotPasswordScreen: Equatable, Sendable {
    enum Step: Equatable, Sendable {
        case username
        /// The code was sent for this username, to `destination` when the provider said where.
        case code(username: String, destination: String? = nil)
    }

    var account: String
    var providerID: String
    var step: Step
    var form: FormState
    var requestID: Int?

    init(account: AccountConfig) {
        self.account = account.name
        self.providerID = account.providerID
        step = .username
        form = Self.usernameForm(account: account.name, username: account.username ?? "")
    }

    static func usernameForm(account: String, username: String) -> FormState {
        FormState(
            title: "Forgot password · \(account)",
            fields: [FormField(id: "username", label: "Username", text: username)],
            submitLabel: "send code")
    }

    static func codeForm(account: String) -> FormState {
        FormState(
            title: "Reset password · \(account)",
            fields: [
                FormField(id: "code", label: "Code"),
                FormField(id: "new", label: "New password", masked: true),
                FormField(id: "repeat", label: "Repeat", masked: true),
            ],
            submitLabel: "reset password")
    }

    static func open(_ model: inout AppModel, account: AccountConfig) -> [AppCommand] {
        guard model.provider(of: account)?.endpoints.forgotPassword != nil else {
            model.setStatus("\(model.providerShortName(of: account)) has no forgot-password endpoint", role: .warning)
            return []
        }
        model.screen = .forgotPassword(ForgotPasswordScreen(account: account))
        return []
    }

    static func update(_ model: inout AppModel, key: Key) -> [AppCommand] {
        guard case .forgotPassword(var screen) = model.screen, let config = model.account(named: screen.account) else { return [] }
        var commands: [AppCommand] = []
        switch screen.form.handle(key) {
        case .cancel:
            model.screen = .accounts
            return []
        case .submit:
            switch screen.step {
            case .username:
                let username = screen.form.value(of: "username").trimmingCharacters(in: .whitespaces)
                guard screen.form.apply(username.isEmpty ? ["username": "Username is required"] : [:]) else { break }
                var target = config
                target.username = username
                let id = model.makeRequestID()
                screen.requestID = id
                screen.form.isSubmitting = true
                commands = [.requestPasswordReset(account: target, requestID: id)]
            case .code(let username, _):
                var messages = PasswordRules.check(new: screen.form.value(of: "new"), repeated: screen.form.value(of: "repeat"), providerID: screen.providerID)
                if screen.form.value(of: "code").trimmingCharacters(in: .whitespaces).isEmpty { messages["code"] = "Code is required" }
                guard screen.form.apply(messages) else { break }
                var target = config
                target.username = username
                let id = model.makeRequestID()
                screen.requestID = id
                screen.form.isSubmitting = true
                commands = [.confirmPasswordReset(
                    account: target, code: screen.form.value(of: "code").trimmingCharacters(in: .whitespaces),
                    newPassword: screen.form.value(of: "new"), requestID: id)]
            }
        default:
            break
        }
        model.screen = .forgotPassword(screen)
        return commands
    }

    static func codeRequested(_ model: inout AppModel, account: String, requestID: Int, error: AuthError?, delivery: PasswordResetDelivery? = nil) -> [AppCommand] {
        guard case .forgotPassword(var screen) = model.screen, screen.requestID == requestID, screen.step == .username else { return [] }
        screen.requestID = nil
        screen.form.isSubmitting = false
        if let error {
            screen.form.formError = error.message
        } else {
            screen.step = .code(username: screen.form.value(of: "username").trimmingCharacters(in: .whitespaces), destination: delivery?.summary)
            screen.form = codeForm(account: account)
        }
        model.screen = .forgotPassword(screen)
        return []
    }

    static func resetConfirmed(_ model: inout AppModel, account: String, requestID: Int, error: AuthError?) -> [AppCommand] {
        guard case .forgotPassword(var screen) = model.screen, screen.requestID == requestID else { return [] }
        screen.requestID = nil
        screen.form.isSubmitting = false
        if let error {
            screen.form.formError = error.message
            model.screen = .forgotPassword(screen)
            return []
        }
        if let config = model.account(named: account) {
            model.screen = .login(LoginScreen(account: config))
        } else {
            model.screen = .accounts
        }
        model.setStatus("password reset; log in with the new password", role: .success)
        return []
    }

    static func render(_ screen: ForgotPasswordScreen, model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        let context: [(String, Role)]
        switch screen.step {
        case .username:
            context = [("The provider sends a confirmation code to the account's e-mail.", .muted)]
        case .code(let username, let destination?):
            context = [("A code for \(username) was sent to \(destination). Enter it with a new password.", .muted)]
        case .code(let username, nil):
            context = [("A code was sent for \(username). Enter it with a new password.", .muted)]
        }
        FormFrame.render(screen.form, context: context, now: now, into: &canvas, in: rect)
    }
}
