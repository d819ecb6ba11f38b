import AuthEngine
import FoundationEssentials
import TerminalUI

/// Change the password of a logged-in account: the old one, and the new one twice.
struct ChangePasswordScreen: FormScreen {
    var account: String
    var rules: PasswordRules
    var form: FormState
    var requestID: Int?

    static let operation: AccountActivity.Operation? = .changingPassword
    var asScreen: Screen { .changePassword(self) }
    static func from(_ screen: Screen) -> ChangePasswordScreen? {
        if case .changePassword(let screen) = screen { return screen }
        return nil
    }

    init(account: AccountConfig, rules: PasswordRules) {
        self.account = account.name
        self.rules = rules
        form = FormState(
            title: "Change password · \(account.name)",
            fields: [
                FormField(id: "old", label: "Current password", masked: true),
                FormField(id: "new", label: "New password", masked: true),
                FormField(id: "repeat", label: "Repeat", masked: true),
            ],
            submitLabel: "change password")
    }

    static func open(_ model: inout AppModel, account: AccountConfig) {
        guard model.provider(of: account)?.endpoints.changePassword != nil else {
            model.setStatus("\(model.providerShortName(of: account)) has no change-password endpoint", role: .warning)
            return
        }
        guard model.hasTokens(account.name) else {
            model.setStatus("log in to \(account.name) first (l)", role: .warning)
            return
        }
        model.screen = .changePassword(ChangePasswordScreen(account: account, rules: model.passwordRules(of: account)))
    }

    mutating func update(key: Key, context: FormContext) -> FormOutcome {
        switch form.handle(key) {
        case .cancel:
            return .cancel
        case .submit:
            var messages = rules.check(new: form.value(of: "new"), repeated: form.value(of: "repeat"))
            if form.value(of: "old").isEmpty { messages["old"] = "Current password is required" }
            guard form.apply(messages) else { return .stay }
            return submit(.changePassword(
                account: account, oldPassword: form.value(of: "old"), newPassword: form.value(of: "new"), requestID: context.nextRequestID),
                context: context)
        default:
            return .stay
        }
    }

    static func finished(_ model: inout AppModel, account: String, requestID: Int, error: AuthError?) -> [AppCommand] {
        if case .succeeded = FormRouting.finish(Self.self, &model, account: account, requestID: requestID, failure: error?.message) {
            model.leaveForm()
            model.setStatus("password of \(account) changed", role: .success)
        }
        return []
    }

    func intro(model: AppModel, now: Date) -> [(String, Role)] {
        rules.minimumLength > 1 ? [("The new password needs at least \(rules.minimumLength) characters.", .muted)] : []
    }
}
