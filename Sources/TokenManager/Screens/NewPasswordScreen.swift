import AuthEngine
import FoundationEssentials
import TerminalUI

/// Answers a NEW_PASSWORD_REQUIRED challenge: the new password twice.
struct NewPasswordScreen: FormScreen {
    var account: String
    var rules: PasswordRules
    var challenge: AccountChallenge
    var form: FormState
    var requestID: Int?

    static let operation: AccountActivity.Operation? = .loggingIn
    var asScreen: Screen { .newPassword(self) }
    static func from(_ screen: Screen) -> NewPasswordScreen? {
        if case .newPassword(let screen) = screen { return screen }
        return nil
    }

    init(account: AccountConfig, challenge: AccountChallenge, rules: PasswordRules) {
        self.account = account.name
        self.rules = rules
        self.challenge = challenge
        form = FormState(
            title: "New password required · \(account.name)",
            fields: [
                FormField(id: "new", label: "New password", masked: true),
                FormField(id: "repeat", label: "Repeat", masked: true),
            ],
            submitLabel: "set password")
    }

    mutating func update(key: Key, context: FormContext) -> FormOutcome {
        switch form.handle(key) {
        case .cancel:
            return .cancel
        case .submit:
            let new = form.value(of: "new")
            guard form.apply(rules.check(new: new, repeated: form.value(of: "repeat"))) else { return .stay }
            if challenge.isExpired(at: context.now) {
                form.formError = AuthError.challengeExpired.message
                return .stay
            }
            return submit(.answerChallenge(account: account, challenge: challenge, newPassword: new, requestID: context.nextRequestID), context: context)
        default:
            return .stay
        }
    }

    static func finished(_ model: inout AppModel, account: String, requestID: Int, result: Result<TokenSet, AuthError>) -> [AppCommand] {
        let reply = FormRouting.finish(Self.self, &model, account: account, requestID: requestID, failure: result.error?.message)
        switch result {
        case .success(let tokens):
            model.setTokens(tokens, of: account)
            model.updateActivity(of: account) { $0.pendingChallenge = nil; $0.lastError = nil }
            if case .succeeded = reply {
                model.leaveForm()
                model.setStatus("new password set; logged in to \(account)", role: .success)
            }
        case .failure(let error):
            if error == .challengeExpired || error.isSessionRejection {
                model.updateActivity(of: account) { $0.pendingChallenge = nil }
            }
        }
        return []
    }

    func intro(model: AppModel, now: Date) -> [(String, Role)] {
        var context: [(String, Role)] = [("The provider wants a new password before it issues tokens.", .muted)]
        if let expiry = challenge.expiresAt {
            let left = expiry.timeIntervalSince(now)
            context.append((left > 0 ? "This session ends in \(Countdown.clock(left))." : "This session has ended; log in again.", left > 60 ? .muted : .warning))
        }
        if rules.minimumLength > 1 {
            context.append(("At least \(rules.minimumLength) characters.", .muted))
        }
        return context
    }
}

extension AuthError {
    /// The provider refused the challenge session itself (it ran out or was used).
    var isSessionRejection: Bool {
        if case .tokenRejected = self { return true }
        return false
    }
}
