import TerminalUI

/// Which screen is shown; each form screen carries its own state, so a login form without an
/// account (or a challenge form without a challenge) cannot be written.
enum Screen: Equatable, Sendable {
    case accounts
    case detail(DetailScreen)
    case login(LoginScreen)
    case newPassword(NewPasswordScreen)
    case forgotPassword(ForgotPasswordScreen)
    case changePassword(ChangePasswordScreen)
    case accountForm(AccountFormScreen)
    case activityLog(ActivityLogScreen)
}

/// Drawn over the screen and given the keys first.
enum Overlay: Equatable, Sendable {
    case confirm(ConfirmRequest)
    case copyMenu(CopyMenu)
    case help
}

/// A yes/no question and what "yes" does.
struct ConfirmRequest: Equatable, Sendable {
    enum Action: Equatable, Sendable {
        case logout(account: String)
        case deleteAccount(account: String)
    }

    var dialog: ConfirmDialog
    var action: Action
}
