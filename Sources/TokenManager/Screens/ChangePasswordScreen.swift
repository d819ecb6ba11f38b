import AuthEngine
import Foundation
import TerminalUI

/// Change the password of a logged-in account: the old one, and the new one twice.
struct ChangePasswordScreen: Equatable, Sendable {
    var account: String
    var providerID: String
    var form: FormState
    var requestID: Int?

    init(account: AccountConfig) {
        self.account = account.name
        self.providerID = account.providerID
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
        guard model.tokens[account.name] != nil else {
            model.setStatus("log in to \(account.name) first (l)", role: .warning)
            return
        }
        model.screen = .changePassword(ChangePasswordScreen(account: account))
    }

    static func update(_ model: inout AppModel, key: Key) -> [AppCommand] {
        guard case .changePassword(var screen) = model.screen else { return [] }
        var commands: [AppCommand] = []
        switch screen.form.handle(key) {
        case .cancel:
            if screen.requestID != nil { model.updateActivity(of: screen.account) { $0.operation = nil } }
            model.screen = .accounts
            return []
        case .submit:
            var messages = PasswordRules.check(new: screen.form.value(of: "new"), repeated: screen.form.value(of: "repeat"), providerID: screen.providerID)
            if screen.form.value(of: "old").isEmpty { messages["old"] = "Current password is required" }
            guard screen.form.apply(messages) else { break }
            let id = model.makeRequestID()
            screen.requestID = id
            screen.form.isSubmitting = true
            model.updateActivity(of: screen.account) { $0.operation = .changingPassword }
            commands = [.changePassword(account: screen.account, oldPassword: screen.form.value(of: "old"), newPassword: screen.form.value(of: "new"), requestID: id)]
        default:
            break
        }
        model.screen = .changePassword(screen)
        return commands
    }

    static func finished(_ model: inout AppModel, account: String, requestID: Int, error: AuthError?) -> [AppCommand] {
        model.updateActivity(of: account) { $0.operation = nil }
        guard case .changePassword(var screen) = model.screen, screen.requestID == requestID else {
            if let error { model.updateActivity(of: account) { $0.lastError = error.message } }
            return []
        }
        screen.requestID = nil
        screen.form.isSubmitting = false
        if let error {
            screen.form.formError = error.message
            model.screen = .changePassword(screen)
        } else {
            model.screen = .accounts
            model.setStatus("password of \(account) changed", role: .success)
        }
        return []
    }

    static func render(_ screen: ChangePasswordScreen, model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        var context: [(String, Role)] = []
        if PasswordRules.minimumLength(providerID: screen.providerID) > 1 {
            context.append(("The new password needs at least \(PasswordRules.minimumLength(providerID: screen.providerID)) characters.", .muted))
        }
        FormFrame.render(screen.form, context: context, now: now, into: &canvas, in: rect)
    }
}
