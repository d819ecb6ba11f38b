import AuthEngine
import Foundation
import TerminalUI

/// Answers a NEW_PASSWORD_REQUIRED challenge (Wikimedia/Cognito): the new password twice.
struct NewPasswordScreen: Equatable, Sendable {
    var account: String
    var providerID: String
    var challenge: AccountChallenge
    var form: FormState
    var requestID: Int?

    init(account: AccountConfig, challenge: AccountChallenge) {
        self.account = account.name
        self.providerID = account.providerID
        self.challenge = challenge
        form = FormState(
            title: "New password required · \(account.name)",
            fields: [
                FormField(id: "new", label: "New password", masked: true),
                FormField(id: "repeat", label: "Repeat", masked: true),
            ],
            submitLabel: "set password")
    }

    static func update(_ model: inout AppModel, key: Key) -> [AppCommand] {
        guard case .newPassword(var screen) = model.screen else { return [] }
        var commands: [AppCommand] = []
        switch screen.form.handle(key) {
        case .cancel:
            if screen.requestID != nil { model.updateActivity(of: screen.account) { $0.operation = nil } }
            model.screen = .accounts
            return []
        case .submit:
            let new = screen.form.value(of: "new")
            let messages = PasswordRules.check(new: new, repeated: screen.form.value(of: "repeat"), providerID: screen.providerID)
            guard screen.form.apply(messages) else { break }
            if screen.challenge.isExpired(at: model.now) {
                screen.form.formError = AuthError.challengeExpired.message
                break
            }
            let id = model.makeRequestID()
            screen.requestID = id
            screen.form.isSubmitting = true
            model.updateActivity(of: screen.account) { $0.operation = .loggingIn }
            commands = [.answerChallenge(account: screen.account, challenge: screen.challenge, newPassword: new, requestID: id)]
        default:
            break
        }
        model.screen = .newPassword(screen)
        return commands
    }

    static func finished(_ model: inout AppModel, account: String, requestID: Int, result: Result<TokenSet, AuthError>) -> [AppCommand] {
        model.updateActivity(of: account) { $0.operation = nil }
        let isCurrent: Bool
        if case .newPassword(let screen) = model.screen, screen.requestID == requestID { isCurrent = true } else { isCurrent = false }
        switch result {
        case .success(let tokens):
            model.tokens[account] = tokens
            model.updateActivity(of: account) { $0.pendingChallenge = nil; $0.lastError = nil }
            if isCurrent {
                model.screen = .accounts
                model.setStatus("new password set; logged in to \(account)", role: .success)
            }
        case .failure(let error):
            if error == .challengeExpired || error.isSessionRejection {
                model.updateActivity(of: account) { $0.pendingChallenge = nil }
            }
            if isCurrent, case .newPassword(var screen) = model.screen {
                screen.requestID = nil
                screen.form.isSubmitting = false
                screen.form.formError = error.message
                model.screen = .newPassword(screen)
            } else {
                model.updateActivity(of: account) { $0.lastError = error.message }
            }
        }
        return []
    }

    static func render(_ screen: NewPasswordScreen, model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        var context: [(String, Role)] = [("The provider wants a new password before it issues tokens.", .muted)]
        if let expiry = screen.challenge.expiresAt {
            let left = expiry.timeIntervalSince(now)
            context.append((left > 0 ? "This session ends in \(Countdown.clock(left))." : "This session has ended; log in again.", left > 60 ? .muted : .warning))
        }
        if PasswordRules.minimumLength(providerID: screen.providerID) > 1 {
            context.append(("At least \(PasswordRules.minimumLength(providerID: screen.providerID)) characters.", .muted))
        }
        FormFrame.render(screen.form, context: context, now: now, into: &canvas, in: rect)
    }
}

extension AuthError {
    /// The provider refused the challenge session itself (it ran out or was used).
    var isSessionRejection: Bool {
        if case .tokenRejected = self { return true }
        return false
    }
}
