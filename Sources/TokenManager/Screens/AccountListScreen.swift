import AuthEngine
import FoundationEssentials
import TerminalUI

/// The main screen: one row per account with its state and two live countdowns.
///
/// ```
///   NAME          PROVIDER     USER     STATE       ACCESS   REFRESH
/// ⠋ prod-api      Acme         alice    refreshing   14:55   89d 23h
/// ```
enum AccountListScreen {
    // MARK: Update

    /// Keys on the list: changes only the list's own state and says what else it wants.
    /// Costs O(1) per key (plus O(accounts) over integers when the filter or sort changes):
    /// rows are looked up in `list.rows`, never recomputed here.
    static func update(_ list: inout AccountListState, key: Key, context: AccountListContext) -> AccountListOutcome {
        if list.isEditingFilter { return updateFilter(&list, key: key) }
        let rowCount = list.rows.count
        let shownRows = visibleRows(list, bodyHeight: context.bodyHeight)
        var table = TableState(selectedIndex: list.selectedIndex, scrollOffset: list.scrollOffset)
        if table.handle(key, rowCount: rowCount, visibleRows: shownRows) {
            select(table, in: &list)
            return .stay
        }
        guard let action = AccountListKeys.bindings.action(for: key) else { return .stay }
        switch action {
        case .quit:
            return .quit
        case .filter:
            list.isEditingFilter = true
        case .clearFilter:
            list.filter.clear()
        case .nextMatch, .previousMatch:
            // The filter hides what does not match, so every shown row is a match: step
            // through them, wrapping around at either end.
            guard list.rows.isFiltered else { return .status("no filter set; press / to filter", .warning) }
            guard rowCount > 0 else { return noMatch }
            let step = action == .nextMatch ? 1 : rowCount - 1
            table.select((list.selectedIndex + step) % rowCount, rowCount: rowCount, visibleRows: shownRows)
            select(table, in: &list)
        case .sort:
            list.sort(by: list.sortOrder.toggled, entries: context.entries)
            return .status("sorted by \(list.sortOrder.rawValue)", .statusBar)
        case .help:
            return .showHelp
        case .add:
            return .addAccount
        case .refreshAll:
            return .refreshAll
        case .activityLog:
            return .showActivityLog
        default:
            guard let account = list.selectedAccount else {
                if list.rows.isFiltered { return noMatch }
                if action == .details || action == .login { return .status("no account selected; press a to add one", .warning) }
                return .stay
            }
            return .act(action, account)
        }
        return .stay
    }

    /// What a key that needs an account says when the filter hides every account.
    static let noMatch = AccountListOutcome.status("no account matches the filter; Esc clears it", .warning)

    private static func select(_ table: TableState, in list: inout AccountListState) {
        list.selectedName = list.rows.account(atRow: table.selectedIndex)?.name
        list.scrollOffset = table.scrollOffset
    }

    private static func updateFilter(_ list: inout AccountListState, key: Key) -> AccountListOutcome {
        switch key {
        case .escape:
            list.filter.clear()
            list.isEditingFilter = false
        case .enter, .down, .up:
            list.isEditingFilter = false
        default:
            list.filter.handle(key)
        }
        if list.selectedName.flatMap(list.rows.row(of:)) == nil {
            list.selectedName = list.rows.account(atRow: 0)?.name
            list.scrollOffset = 0
        }
        return .stay
    }

    /// Table rows that fit in a body `bodyHeight` tall (for paging keys).
    static func visibleRows(_ list: AccountListState, bodyHeight: Int) -> Int {
        max(1, bodyHeight - 1 - (list.showsFilterLine ? 1 : 0))
    }

    // MARK: View

    /// Narrow terminals drop USER first, then PROVIDER, REFRESH, ACCESS and STATE, in that
    /// order; NAME is never dropped (it is what tells the rows apart) and is cut with "…".
    static let columns = [
        TableColumn("", width: .fixed(1)),
        TableColumn("NAME", width: .fill(weight: 3), minWidth: 10),
        TableColumn("PROVIDER", width: .fixed(11), dropOrder: 1),
        TableColumn("USER", width: .fill(weight: 2), minWidth: 6, dropOrder: 0),
        TableColumn("STATE", width: .fixed(17), dropOrder: 4),
        TableColumn("ACCESS", width: .fixed(8), alignment: .trailing, dropOrder: 3),
        TableColumn("REFRESH", width: .fixed(8), alignment: .trailing, dropOrder: 2),
    ]

    /// `columns` with "▲" on the one the rows are sorted by (ascending: names A to Z, soonest
    /// expiry first).
    static func columns(sortedBy order: AccountListState.SortOrder) -> [TableColumn] {
        let sorted = order == .name ? "NAME" : "ACCESS"
        return columns.map { column in
            guard column.title == sorted else { return column }
            var marked = column
            marked.title = column.alignment == .trailing ? "▲ " + column.title : column.title + " ▲"
            return marked
        }
    }

    static func showsFilterLine(_ model: AppModel) -> Bool {
        model.list.showsFilterLine
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
        table(model, now: now).render(into: &canvas, in: area)
    }

    /// The table of the shown rows; each row is built when the table draws it, so only the
    /// rows on screen are formatted.
    static func table(_ model: AppModel, now: Date) -> Table {
        let empty = model.accounts.isEmpty ? "No accounts configured. Press a to add one." : "No account matches the filter. Esc clears it."
        return Table(
            columns: columns(sortedBy: model.list.sortOrder), rowCount: model.list.rows.count,
            row: { index in tableRow(at: index, in: model, now: now) },
            state: TableState(selectedIndex: model.list.selectedIndex, scrollOffset: model.list.scrollOffset),
            columnSpacing: 1, emptyMessage: empty)
    }

    /// Row `index` of the shown rows; while a filter is set, its matches in NAME, PROVIDER
    /// and USER are highlighted.
    static func tableRow(at index: Int, in model: AppModel, now: Date) -> TableRow {
        guard let account = model.list.rows.account(atRow: index) else { return TableRow([]) }
        let cells = row(for: account, entry: model.list.rows.position(atRow: index).map { model.storedEntries[$0] } ?? .none, in: model, now: now)
        let needle = model.list.rows.filterText
        let highlights = needle.isEmpty ? [] : ["", account.name, cells.provider, cells.user].map { text in
            text.isEmpty ? [] : FilterHaystacks.highlightRanges(of: needle, in: text)
        }
        return TableRow(
            [cells.busy ? String(Spinner.frame(at: now)) : " ", account.name, cells.provider, cells.user, cells.state, cells.access.text, cells.refresh.text],
            roles: [.accent, .text, .muted, .text, cells.stateRole, cells.access.role, cells.refresh.role],
            highlights: highlights)
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
        row(for: account, entry: model.storedEntry(of: account.name), in: model, now: now)
    }

    /// `entry`: what the store holds for `account`.
    static func row(for account: AccountConfig, entry: StoredExpiry, in model: AppModel, now: Date) -> RowCells {
        let tokens: TokenExpiry? = if case .expiry(let expiry) = entry { expiry } else { nil }
        let unreadable = if case .unreadable = entry { true } else { false }
        let activity = model.activity(of: account.name)
        let (state, role) = stateText(account: account, tokens: tokens, activity: activity, now: now, unreadable: unreadable)
        var access = Countdown.access(tokens, now: now)
        if case .apiToken = account.mode { access = Countdown(text: "never", role: .success) }
        return RowCells(
            provider: model.providerShortName(of: account), user: account.username ?? "", state: state, stateRole: role,
            access: access, refresh: Countdown.refresh(tokens, now: now), busy: activity.operation != nil)
    }

    /// logged out, valid, refreshing (or another request), expired, challenge pending, error,
    /// unreadable (a stored entry that cannot be decoded: not the same as never logged in).
    static func stateText(account: AccountConfig, tokens: TokenExpiry?, activity: AccountActivity, now: Date, unreadable: Bool = false) -> (String, Role) {
        if let operation = activity.operation { return (operation.rawValue, .accent) }
        if activity.pendingChallenge != nil { return ("challenge pending", .warning) }
        if activity.lastError != nil { return ("error", .danger) }
        if case .apiToken = account.mode { return ("api token", .success) }
        guard let tokens else { return unreadable ? ("unreadable", .danger) : ("logged out", .muted) }
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
