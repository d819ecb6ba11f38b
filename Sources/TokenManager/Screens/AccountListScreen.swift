import AuthEngine
import Foundation
import TerminalUI

/// The main screen: one row per account with its state and two live countdowns.
///
/// ```
///   NAME          PROVIDER     USER     STATE       ACCESS   REFRESH
/// ⠋ prod-wme      Wikimedia    alice    refreshing   14:55   89d 23h
/// ```
enum AccountListScreen {
    // MARK: Update

    static func update(_ model: inout AppModel, key: Key) -> [AppCommand] {
        if model.list.isEditingFilter { return updateFilter(&model, key: key) }
        let rows = model.list.visibleAccounts(in: model)
        var table = TableState(selectedIndex: model.list.selectedIndex(in: rows), scrollOffset: model.list.scrollOffset)
        if table.handle(key, rowCount: rows.count, visibleRows: visibleRows(model)) {
            model.list.selectedName = rows.indices.contains(table.selectedIndex) ? rows[table.selectedIndex].name : nil
            model.list.scrollOffset = table.scrollOffset
            return []
        }
        guard let action = AccountListKeys.bindings.action(for: key) else { return [] }
        switch action {
        case .quit:
            return AppUpdate.quit(&model)
        case .filter:
            model.list.isEditingFilter = true
        case .clearFilter:
            model.list.filter.clear()
        case .sort:
            model.list.sortOrder = model.list.sortOrder.toggled
            model.setStatus("sorted by \(model.list.sortOrder.rawValue)")
        case .help:
            model.overlay = .help
        case .add:
            model.screen = .accountForm(AccountFormScreen.adding(catalog: model.catalog))
        case .refreshAll:
            return refreshAll(&model)
        default:
            guard let account = model.selectedAccount else {
                if action == .details || action == .login { model.setStatus("no account selected; press a to add one", role: .warning) }
                return []
            }
            return actOnSelected(&model, action, account: account)
        }
        return []
    }

    private static func actOnSelected(_ model: inout AppModel, _ action: AccountListAction, account: AccountConfig) -> [AppCommand] {
        switch action {
        case .details:
            model.screen = .detail(DetailScreen(account: account.name))
        case .login:
            return LoginScreen.open(&model, account: account)
        case .refresh:
            return refresh(&model, account: account)
        case .logout:
            guard model.tokens[account.name] != nil else {
                model.setStatus("\(account.name) is not logged in", role: .warning)
                return []
            }
            model.overlay = .confirm(ConfirmRequest(
                dialog: ConfirmDialog(title: "Log out", message: "End the session of \(account.name) at the provider and forget its tokens?", yesLabel: "log out", noLabel: "keep", isDestructive: true),
                action: .logout(account: account.name)))
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

    private static func updateFilter(_ model: inout AppModel, key: Key) -> [AppCommand] {
        switch key {
        case .escape:
            model.list.filter.clear()
            model.list.isEditingFilter = false
        case .enter, .down, .up:
            model.list.isEditingFilter = false
        default:
            model.list.filter.handle(key)
        }
        let rows = model.list.visibleAccounts(in: model)
        if !rows.contains(where: { $0.name == model.list.selectedName }) {
            model.list.selectedName = rows.first?.name
            model.list.scrollOffset = 0
        }
        return []
    }

    static func refresh(_ model: inout AppModel, account: AccountConfig) -> [AppCommand] {
        guard model.tokens[account.name] != nil else {
            model.setStatus("\(account.name) is not logged in; press l to log in", role: .warning)
            return []
        }
        guard model.activity(of: account.name).operation == nil else { return [] }
        model.updateActivity(of: account.name) { $0.operation = .refreshing }
        return [.refresh(account: account.name)]
    }

    static func refreshAll(_ model: inout AppModel) -> [AppCommand] {
        let names = model.accounts.map(\.name).filter { model.tokens[$0] != nil && model.activity(of: $0).operation == nil }
        guard !names.isEmpty else {
            model.setStatus("nothing to refresh: no account is logged in", role: .warning)
            return []
        }
        for name in names { model.updateActivity(of: name) { $0.operation = .refreshing } }
        model.setStatus("refreshing \(names.count) account\(names.count == 1 ? "" : "s")")
        return names.map { .refresh(account: $0) }
    }

    /// Table rows that fit in the body at the model's size (for paging keys).
    static func visibleRows(_ model: AppModel) -> Int {
        max(1, AppView.bodyRect(for: model.size).height - 1 - (showsFilterLine(model) ? 1 : 0))
    }

    // MARK: View

    static let columns = [
        TableColumn("", width: .fixed(1)),
        TableColumn("NAME", width: .fill(weight: 3)),
        TableColumn("PROVIDER", width: .fixed(11)),
        TableColumn("USER", width: .fill(weight: 2)),
        TableColumn("STATE", width: .fixed(17)),
        TableColumn("ACCESS", width: .fixed(8), alignment: .trailing),
        TableColumn("REFRESH", width: .fixed(8), alignment: .trailing),
    ]

    static func showsFilterLine(_ model: AppModel) -> Bool {
        model.list.isEditingFilter || !model.list.filter.isEmpty
    }

    static func render(_ model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        var area = rect
        if showsFilterLine(model) {
            let line = area.row(0)
            let used = canvas.write("/ ", at: line.origin, role: .accent, maxWidth: line.width)
            TextField(model.list.filter, focused: model.list.isEditingFilter, placeholder: "filter by name, provider or user")
                .render(into: &canvas, in: Rect(x: line.x + used, y: line.y, width: max(0, line.width - used), height: 1))
            area = area.inset(top: 1)
        }
        let accounts = model.list.visibleAccounts(in: model)
        let rows = accounts.map { account -> TableRow in
            let cells = row(for: account, in: model, now: now)
            return TableRow(
                [cells.busy ? String(Spinner.frame(at: now)) : " ", account.name, cells.provider, cells.user, cells.state, cells.access.text, cells.refresh.text],
                roles: [.accent, .text, .muted, .text, cells.stateRole, cells.access.role, cells.refresh.role])
        }
        let empty = model.accounts.isEmpty ? "No accounts configured. Press a to add one." : "No account matches the filter. Esc clears it."
        let table = Table(
            columns: columns, rows: rows,
            state: TableState(selectedIndex: model.list.selectedIndex(in: accounts), scrollOffset: model.list.scrollOffset),
            columnSpacing: 1, emptyMessage: empty)
        table.render(into: &canvas, in: area)
    }

    struct RowCells: Equatable {
        var provider: String
        var user: String
        var state: String
        var stateRole: Role
        var access: Countdown
        var refresh: Countdown
        var busy: Bool
    }

    static func row(for account: AccountConfig, in model: AppModel, now: Date) -> RowCells {
        let tokens = model.tokens[account.name]
        let activity = model.activity(of: account.name)
        let (state, role) = stateText(account: account, tokens: tokens, activity: activity, now: now)
        var access = Countdown.access(tokens, now: now)
        if case .apiToken = account.mode { access = Countdown(text: "never", role: .success) }
        return RowCells(
            provider: model.providerShortName(of: account), user: account.username ?? "", state: state, stateRole: role,
            access: access, refresh: Countdown.refresh(tokens, now: now), busy: activity.operation != nil)
    }

    /// logged out, valid, refreshing (or another request), expired, challenge pending, error.
    static func stateText(account: AccountConfig, tokens: TokenSet?, activity: AccountActivity, now: Date) -> (String, Role) {
        if let operation = activity.operation { return (operation.rawValue, .accent) }
        if activity.pendingChallenge != nil { return ("challenge pending", .warning) }
        if activity.lastError != nil { return ("error", .danger) }
        if case .apiToken = account.mode { return ("api token", .success) }
        guard let tokens else { return ("logged out", .muted) }
        if tokens.isAccessValid(at: now) { return ("valid", .success) }
        if tokens.isRefreshUsable(at: now) { return ("expired", .warning) }
        return ("expired", .danger)
    }

    static func hints(_ model: AppModel) -> [KeyHint] {
        if model.list.isEditingFilter {
            return [KeyHint("Enter", "keep filter"), KeyHint("Esc", "clear")]
        }
        return AccountListKeys.bindings.footerHints()
    }
}
