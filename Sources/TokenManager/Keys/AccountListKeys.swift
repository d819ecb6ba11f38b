import TerminalUI

/// What a key does on the account list.
enum AccountListAction: Equatable, Sendable {
    case move, details, login, refresh, refreshAll, logout, copy, forgotPassword, changePassword
    case add, edit, delete, filter, clearFilter, nextMatch, previousMatch, sort, help, quit
    case activityLog
}

/// The account list's keys, in the help screen's order; the footer order is its own.
enum AccountListKeys {
    static let bindings: [KeyBinding<AccountListAction>] = [
        // Matched by the table itself (TableState), listed here for help.
        KeyBinding([.up, .down, .character("j"), .character("k"), .character("g"), .character("G"), .pageUp, .pageDown, .home, .end],
                   help: KeyHint("↑ ↓ j k g G", "move"), .move),
        KeyBinding([.control("n"), .control("p")], help: KeyHint("Ctrl-N Ctrl-P", "next / previous row"), .move),
        KeyBinding([.control("d"), .control("u")], help: KeyHint("Ctrl-D Ctrl-U", "half a page down / up"), .move),
        KeyBinding([.enter], help: KeyHint("Enter", "details"), footer: (4, KeyHint("Enter", "details")), .details),
        KeyBinding([.character("l")], help: KeyHint("l", "log in"), footer: (0, KeyHint("l", "login")), .login),
        KeyBinding([.character("r")], help: KeyHint("r / R", "refresh / refresh all"), footer: (1, KeyHint("r", "refresh")), .refresh),
        KeyBinding([.character("R")], help: nil, footer: (7, KeyHint("R", "refresh all")), .refreshAll),
        KeyBinding([.character("x")], help: KeyHint("x", "log out / revoke"), footer: (3, KeyHint("x", "logout")), .logout),
        KeyBinding([.character("c")], help: KeyHint("c", "copy token or header"), footer: (2, KeyHint("c", "copy")), .copy),
        KeyBinding([.character("f")], help: KeyHint("f", "forgot password"), footer: (10, KeyHint("f", "forgot pw")), .forgotPassword),
        KeyBinding([.character("p")], help: KeyHint("p", "change password"), footer: (11, KeyHint("p", "change pw")), .changePassword),
        KeyBinding([.character("a")], help: KeyHint("a e d", "add / edit / delete account"), footer: (12, KeyHint("a", "add")), .add),
        KeyBinding([.character("e")], help: nil, footer: (13, KeyHint("e", "edit")), .edit),
        KeyBinding([.character("d")], help: nil, footer: (14, KeyHint("d", "delete")), .delete),
        KeyBinding([.character("/")], help: KeyHint("/", "filter (Esc clears)"), footer: (8, KeyHint("/", "filter")), .filter),
        KeyBinding([.escape], help: nil, .clearFilter),
        KeyBinding([.character("n")], help: KeyHint("n / N", "next / previous filter match"), .nextMatch),
        KeyBinding([.character("N")], help: nil, .previousMatch),
        KeyBinding([.character("s")], help: KeyHint("s", "sort by name / expiry"), footer: (9, KeyHint("s", "sort")), .sort),
        KeyBinding([.character("L")], help: KeyHint("L", "activity log"), .activityLog),
        KeyBinding([.character("?")], help: KeyHint("?", "help"), footer: (5, KeyHint("?", "help")), .help),
        KeyBinding([.character("q"), .control("c")], help: KeyHint("q", "quit"), footer: (6, KeyHint("q", "quit")), .quit),
    ]
}
