import AuthEngine
import TerminalUI

/// What the account list's update may read besides its own state: the stored expiries (sorting
/// by expiry needs them, parallel to the accounts) and how tall the body is (for paging keys). The rows themselves are
/// in the list's state (`AccountListState.rows`).
struct AccountListContext: Equatable, Sendable {
    var entries: [StoredExpiry]
    var bodyHeight: Int
}

/// What a key on the account list asks of the app. Moving, filtering and sorting stay in
/// the list's own state; everything that opens something else or starts a request is here.
enum AccountListOutcome: Equatable, Sendable {
    case stay
    case quit
    case showHelp
    case showActivityLog
    case addAccount
    case refreshAll
    /// A line for the status bar (the new sort order, "no account selected").
    case status(String, Role)
    /// An action on the selected account.
    case act(AccountListAction, AccountConfig)
}
