import AuthEngine
import TerminalUI

/// The account list's outcomes applied to the whole model: opening screens and overlays,
/// and starting refreshes.
extension AppUpdate {
    static func accountListKey(_ model: inout AppModel, _ key: Key) -> [AppCommand] {
        let context = AccountListContext(entries: model.storedEntries, bodyHeight: AppView.bodyRect(model).height)
        switch AccountListScreen.update(&model.list, key: key, context: context) {
        case .stay:
            break
        case .quit:
            return quit(&model)
        case .showHelp:
            model.overlay = .help
        case .showActivityLog:
            model.screen = .activityLog(ActivityLogScreen())
        case .addAccount:
            model.screen = .accountForm(AccountFormScreen.adding(catalog: model.catalog))
        case .refreshAll:
            return refreshAll(&model)
        case .status(let text, let role):
            model.setStatus(text, role: role)
        case .act(let action, let account):
            return act(&model, action, on: account)
        }
        return []
    }

    private static func act(_ model: inout AppModel, _ action: AccountListAction, on account: AccountConfig) -> [AppCommand] {
        switch action {
        case .details:
            model.screen = .detail(DetailScreen(account: account.name))
        case .login:
            return LoginScreen.open(&model, account: account)
        case .refresh:
            return refresh(&model, account: account)
        case .logout:
            guard model.hasTokens(account.name) else {
                model.setStatus("\(account.name) is not logged in", role: .warning)
                return []
            }
            LogoutDialog.open(&model, account: account)
        case .copy:
            CopyMenu.open(&model, account: account)
        case .forgotPassword:
            return ForgotPasswordScreen.open(&model, account: account)
        case .changePassword:
            ChangePasswordScreen.open(&model, account: account)
        case .edit:
            model.screen = .accountForm(AccountFormScreen.editing(account, catalog: model.catalog))
        case .delete:
            model.overlay = .confirm(ConfirmRequest(
                dialog: ConfirmDialog(title: "Delete account", message: "Remove \(account.name) from the config and forget its tokens?", yesLabel: "delete", noLabel: "keep", isDestructive: true),
                action: .deleteAccount(account: account.name)))
        default:
            break
        }
        return []
    }

    static func refresh(_ model: inout AppModel, account: AccountConfig) -> [AppCommand] {
        guard model.hasTokens(account.name) else {
            model.setStatus("\(account.name) is not logged in; press l to log in", role: .warning)
            return []
        }
        guard model.activity(of: account.name).operation == nil else { return [] }
        model.updateActivity(of: account.name) { $0.operation = .refreshing }
        return [.refresh(account: account.name)]
    }

    static func refreshAll(_ model: inout AppModel) -> [AppCommand] {
        // `R` is a key over every account by nature: the stored entries are read by position.
        let names = zip(model.accounts, model.storedEntries).compactMap { account, entry -> String? in
            guard case .expiry = entry, model.activity(of: account.name).operation == nil else { return nil }
            return account.name
        }
        guard !names.isEmpty else {
            model.setStatus("nothing to refresh: no account is logged in", role: .warning)
            return []
        }
        for name in names { model.updateActivity(of: name) { $0.operation = .refreshing } }
        model.refreshAllBatch = RefreshAllBatch(pending: Set(names).union(model.refreshAllBatch?.pending ?? []))
        model.setStatus("refreshing \(names.count) account\(names.count == 1 ? "" : "s")")
        return names.map { .refresh(account: $0) }
    }
}
