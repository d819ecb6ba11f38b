import AuthEngine
import TerminalUI

/// The logout question, worded from what the account's provider can do (`sessionEnds`):
/// log out or revoke when it has both, a yes/no for one of them, and a plain "forget the
/// tokens here" when it has neither, so the person knows what reaches the provider.
enum LogoutDialog {
    /// Keys of the two-way dialog's answers.
    static let logoutKey: Character = "l"
    static let revokeKey: Character = "r"

    static func request(account: String, provider: ProviderDefinition?) -> ConfirmRequest {
        let ends = provider?.sessionEnds ?? []
        let dialog: ConfirmDialog
        switch ends.count {
        case 0:
            dialog = ConfirmDialog(
                title: "Log out",
                message: "The provider has no logout: this only forgets the tokens of \(account) stored here. Forget them?",
                yesLabel: "forget tokens", noLabel: "keep", isDestructive: true)
        case 1:
            dialog = ConfirmDialog(
                title: "Log out",
                message: "Log out of \(account)? This \(ends[0].effect) and forgets its tokens here.",
                yesLabel: "log out", noLabel: "keep", isDestructive: true)
        default:
            dialog = ConfirmDialog(
                title: "Log out",
                message: "End the session of \(account)? Either way its tokens here are forgotten.",
                noLabel: "cancel", isDestructive: true,
                options: [
                    ConfirmDialog.Option(key: logoutKey, label: "log out", detail: SessionEnd.logout.effect),
                    ConfirmDialog.Option(key: revokeKey, label: "revoke", detail: SessionEnd.revoke.effect),
                ])
        }
        return ConfirmRequest(dialog: dialog, action: .logout(account: account))
    }

    static func open(_ model: inout AppModel, account: AccountConfig) {
        model.overlay = .confirm(request(account: account.name, provider: model.provider(of: account)))
    }

    /// How an answer ends the session: nil for a plain yes (the provider's one way).
    static func end(for answer: ConfirmDialog.Answer) -> SessionEnd? {
        switch answer {
        case .option(logoutKey): .logout
        case .option(revokeKey): .revoke
        default: nil
        }
    }
}
