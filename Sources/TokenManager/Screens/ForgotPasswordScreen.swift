import AuthEngine
import FoundationEssentials
import PlatformSupport
import TerminalUI

/// Forgot password in two steps: the username (the provider sends a code), then the code and
/// the new password twice. Ends on the login form.
struct ForgotPasswordScreen: FormScreen {
    enum Step: Equatable, Sendable {
        case username
        /// The code was sent for this username, to `destination` when the provider said where.
        case code(username: String, destination: String? = nil)
    }

    /// The account as configured; the form may ask for another username.
    var config: AccountConfig
    var rules: PasswordRules
    var step: Step
    var form: FormState
    var requestID: Int?

    var account: String { config.name }
    /// No spinner on the row: nothing changes for the account until it logs in again.
    static let operation: AccountActivity.Operation? = nil
    var asScreen: Screen { .forgotPassword(self) }
    static func from(_ screen: Screen) -> ForgotPasswordScreen? {
        if case .forgotPassword(let screen) = screen { return screen }
        return nil
    }

    init(account: AccountConfig, rules: PasswordRules) {
        config = account
        self.rules = rules
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
        model.screen = .forgotPassword(ForgotPasswordScreen(account: account, rules: model.passwordRules(of: account)))
        return []
    }

    mutating func update(key: Key, context: FormContext) -> FormOutcome {
        switch form.handle(key) {
        case .cancel:
            return .cancel
        case .submit:
            var target = config
            switch step {
            case .username:
                let username = form.value(of: "username").trimmedWhitespace()
                guard form.apply(username.isEmpty ? ["username": "Username is required"] : [:]) else { return .stay }
                target.username = username
                return submit(.requestPasswordReset(account: target, requestID: context.nextRequestID), context: context)
            case .code(let username, _):
                var messages = rules.check(new: form.value(of: "new"), repeated: form.value(of: "repeat"))
                let code = form.value(of: "code").trimmedWhitespace()
                if code.isEmpty { messages["code"] = "Code is required" }
                guard form.apply(messages) else { return .stay }
                target.username = username
                return submit(.confirmPasswordReset(account: target, code: code, newPassword: form.value(of: "new"), requestID: context.nextRequestID), context: context)
            }
        default:
            return .stay
        }
    }

    static func codeRequested(_ model: inout AppModel, account: String, requestID: Int, error: AuthError?, delivery: PasswordResetDelivery? = nil) -> [AppCommand] {
        guard let shown = from(model.screen), shown.step == .username,
              case .succeeded(var screen) = FormRouting.finish(Self.self, &model, account: account, requestID: requestID, failure: error?.message)
        else { return [] }
        screen.step = .code(username: screen.form.value(of: "username").trimmedWhitespace(), destination: delivery?.summary)
        screen.form = codeForm(account: account)
        model.screen = .forgotPassword(screen)
        return []
    }

    static func resetConfirmed(_ model: inout AppModel, account: String, requestID: Int, error: AuthError?) -> [AppCommand] {
        let reply = FormRouting.finish(Self.self, &model, account: account, requestID: requestID, failure: error?.message)
        if case .failedInForm = reply, let error, var screen = from(model.screen) {
            if let field = fieldToFix(after: error) { screen.form.focus(id: field) }
            model.screen = .forgotPassword(screen)
        }
        guard case .succeeded = reply else { return [] }
        if let config = model.account(named: account) {
            model.screen = .login(LoginScreen(account: config))
        } else {
            model.leaveForm()
        }
        model.setStatus("password reset; log in with the new password", role: .success)
        return []
    }

    /// Where the person fixes what the provider refused: a wrong or expired code (the
    /// providers' messages name the code) is retyped in Code, other refused input (a password
    /// the policy refuses) in New password; after a network failure the focus stays.
    static func fieldToFix(after error: AuthError) -> String? {
        if error.message.lowercased().contains("code") { return "code" }
        if case .validation = error { return "new" }
        return nil
    }

    func intro(model: AppModel, now: Date) -> [(String, Role)] {
        switch step {
        case .username:
            [("The provider sends a confirmation code to the account's e-mail.", .muted)]
        case .code(let username, let destination?):
            [("A code for \(username) was sent to \(destination). Enter it with a new password.", .muted)]
        case .code(let username, nil):
            [("A code was sent for \(username). Enter it with a new password.", .muted)]
        }
    }
}
