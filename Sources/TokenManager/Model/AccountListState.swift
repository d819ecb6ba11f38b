import AuthEngine
import Foundation
import TerminalUI

/// Selection, scroll, filter and sort of the account list. The selection is kept by account
/// name, so it stays on the same account when sorting by expiry reorders the rows.
struct AccountListState: Equatable, Sendable {
    enum SortOrder: String, Equatable, Sendable {
        case name
        case expiry = "soonest expiry"

        var toggled: SortOrder { self == .name ? .expiry : .name }
    }

    var selectedName: String?
    var scrollOffset = 0
    var filter = TextFieldState()
    /// `/` was pressed: keys edit the filter until Enter (keep) or Esc (clear).
    var isEditingFilter = false
    var sortOrder = SortOrder.name

    /// `/` was pressed or a filter is kept: the list shows a filter line above the table.
    var showsFilterLine: Bool { isEditingFilter || !filter.isEmpty }

    /// The accounts shown, filtered and sorted.
    func visibleAccounts(in model: AppModel) -> [AccountConfig] {
        visibleAccounts(model.accounts, tokens: model.tokens, catalog: model.catalog)
    }

    /// `accounts` filtered and sorted (the list's update has no model, only these).
    func visibleAccounts(_ accounts: [AccountConfig], tokens: [String: TokenSet], catalog: ProviderCatalog) -> [AccountConfig] {
        let needle = filter.text.trimmingCharacters(in: .whitespaces).lowercased()
        let matching = needle.isEmpty ? accounts : accounts.filter { account in
            [account.name, account.providerID, catalog.shortName(of: account), account.username ?? ""]
                .contains { $0.lowercased().contains(needle) }
        }
        switch sortOrder {
        case .name:
            return matching.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        case .expiry:
            // Soonest first; tokens without an expiry next; logged-out accounts last.
            func key(_ account: AccountConfig) -> (Int, Double) {
                guard let tokens = tokens[account.name] else { return (2, 0) }
                guard let expiry = tokens.accessExpiresAt else { return (1, 0) }
                return (0, expiry.timeIntervalSinceReferenceDate)
            }
            return matching.sorted { a, b in
                let (ka, kb) = (key(a), key(b))
                if ka != kb { return ka < kb }
                return a.name.localizedStandardCompare(b.name) == .orderedAscending
            }
        }
    }

    /// The selected account among `rows`, else the first row (nil when there are none).
    func selectedAccount(among rows: [AccountConfig]) -> AccountConfig? {
        guard let selectedName, let account = rows.first(where: { $0.name == selectedName }) else { return rows.first }
        return account
    }

    /// The row index of the selection among `rows` (0 when it is filtered out).
    func selectedIndex(in rows: [AccountConfig]) -> Int {
        guard let selectedName else { return 0 }
        return rows.firstIndex { $0.name == selectedName } ?? 0
    }
}
