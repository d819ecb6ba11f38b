import AuthEngine
import FoundationEssentials
import TerminalUI

/// Selection, scroll, filter and sort of the account list. The selection is kept by account
/// name, so it stays on the same account when sorting by expiry reorders the rows.
///
/// `rows` holds the shown order, derived from the model's accounts and tokens and from the
/// filter and sort here; the model keeps it current (see `AppModel`), so keys and frames
/// look rows up instead of filtering and sorting every account.
struct AccountListState: Equatable, Sendable {
    enum SortOrder: String, Equatable, Sendable {
        case name
        case expiry = "soonest expiry"

        var toggled: SortOrder { self == .name ? .expiry : .name }
    }

    var selectedName: String?
    var scrollOffset = 0
    /// Editing it re-filters `rows` (only when the matched text changes).
    var filter = TextFieldState() {
        didSet { rows.filter(by: filter.text) }
    }
    /// `/` was pressed: keys edit the filter until Enter (keep) or Esc (clear).
    var isEditingFilter = false
    var sortOrder: SortOrder { rows.sortOrder }
    private(set) var rows = AccountListRows()

    /// A list showing `accounts` (the model builds its own; tests of the list alone use this).
    init(accounts: [AccountConfig] = [], tokens: [String: TokenSet] = [:], catalog: ProviderCatalog = ProviderCatalog()) {
        rows.rebuild(accounts: accounts, catalog: catalog, entries: AccountExpiries(names: accounts.map(\.name), tokens: tokens).entries)
    }

    /// A list showing `accounts` whose store holds `entries` (parallel to them).
    init(accounts: [AccountConfig], entries: [StoredExpiry], catalog: ProviderCatalog) {
        rows.rebuild(accounts: accounts, catalog: catalog, entries: entries)
    }

    /// `/` was pressed or a filter is kept: the list shows a filter line above the table.
    var showsFilterLine: Bool { isEditingFilter || !filter.isEmpty }

    mutating func sort(by order: SortOrder, entries: [StoredExpiry]) {
        rows.sort(by: order, entries: entries)
    }

    // MARK: Keeping `rows` current (the model calls these)

    mutating func configChanged(accounts: [AccountConfig], catalog: ProviderCatalog, entries: [StoredExpiry]) {
        rows.rebuild(accounts: accounts, catalog: catalog, entries: entries)
    }

    mutating func noteTokensChanged() {
        rows.noteTokensChanged()
    }

    mutating func refreshTokens(_ entries: [StoredExpiry], changedAccount: String?) {
        rows.refreshTokens(entries, changedAccount: changedAccount)
    }

    // MARK: Selection

    /// The selected account among the shown rows, else the first row (nil when none is shown).
    var selectedAccount: AccountConfig? {
        rows.account(atRow: selectedIndex)
    }

    /// The row of the selection (0 when it is filtered out or none).
    var selectedIndex: Int {
        guard let selectedName else { return 0 }
        return rows.row(of: selectedName) ?? 0
    }

    /// The accounts shown, filtered and sorted (O(accounts): for tests and one-off uses).
    var visibleAccounts: [AccountConfig] { rows.visibleAccounts }

    /// What people see and choose; `rows` is derived from the model and the fields here.
    static func == (a: AccountListState, b: AccountListState) -> Bool {
        a.selectedName == b.selectedName && a.scrollOffset == b.scrollOffset && a.filter == b.filter
            && a.isEditingFilter == b.isEditingFilter && a.sortOrder == b.sortOrder
    }
}
