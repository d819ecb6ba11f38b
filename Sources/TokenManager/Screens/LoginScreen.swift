import AuthEngine
import FoundationEssentials
import TerminalUI

/// Log in with a typed password, or (left empty) with the account's `password_env` /
/// `password_command`. A NEW_PASSWORD_REQUIRED answer leads straight to `NewPasswordScreen`.
struct LoginScreen: FormScreen {
    var account: String
    var form: FormState
    var requestID: Int?
    /// How the configured source is described ("$WM_PASSWORD"), when it needs no person.
    var sourceDescription: String?

    static let operation: AccountActivity.Operation? = .loggingIn
    static let clearsLastError = true
    var asScreen: Screen { .login(self) }
    static func from(_ screen: Screen) -> LoginScreen? {
        if case .login(let screen) = screen { return screen }
        return nil
    }

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
            model.screen = .newPassword(NewPasswordScreen(account: account, challenge: challenge, rules: model.passwordRules(of: account)))
            return []
        }
        model.screen = .login(LoginScreen(account: account))
        return []
    }

    mutating func update(key: Key, context: FormContext) -> FormOutcome {
        switch form.handle(key) {
        case .cancel:
            return .cancel
        case .submit:
            let password = form.value(of: "password")
            if password.isEmpty, sourceDescription == nil {
                _ = form.apply(["password": "Password is required"])
                return .stay
            }
            return submit(.login(account: account, password: password.isEmpty ? nil : password, requestID: context.nextRequestID), context: context)
        default:
            return .stay
        }
    }

    static func finished(_ model: inout AppModel, account: String, requestID: Int, result: Result<AccountLoginOutcome, AuthError>) -> [AppCommand] {
        let reply = FormRouting.finish(Self.self, &model, account: account, requestID: requestID, failure: result.error?.message)
        switch result {
        case .success(.loggedIn(let tokens)):
            // The engine stored the tokens whether or not the form is still open.
            model.setTokens(tokens, of: account)
            model.updateActivity(of: account) { $0.lastError = nil; $0.pendingChallenge = nil }
            if case .succeeded = reply {
                model.leaveForm()
                model.setStatus("logged in to \(account)", role: .success)
            }
        case .success(.challenge(let challenge)):
            model.updateActivity(of: account) { $0.pendingChallenge = challenge }
            if case .succeeded = reply, let config = model.account(named: account) {
                model.screen = .newPassword(NewPasswordScreen(account: config, challenge: challenge, rules: model.passwordRules(of: config)))
            }
        case .failure(.passwordResetRequired(let reason)):
            // The provider will not log this user in until the password is reset with a code.
            model.updateActivity(of: account) { $0.lastError = reason }
            if case .failedInForm = reply, let config = model.account(named: account) {
                model.screen = .forgotPassword(ForgotPasswordScreen(account: config, rules: model.passwordRules(of: config)))
                model.setStatus(AuthError.passwordResetRequired(reason).message, role: .warning)
            }
        case .failure:
            break
        }
        return []
    }

    func intro(model: AppModel, now: Date) -> [(String, Role)] {
        var context: [(String, Role)] = []
        if let account = model.account(named: account) {
            context.append(("\(model.providerShortName(of: account)) · user \(account.username ?? "?")", .muted))
        }
        if let source = sourceDescription {
            context.append(("Type a password, or leave it empty to use \(source).", .muted))
        }
        return context
    }
}
