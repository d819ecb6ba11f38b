import TerminalUI

/// One key binding as data (Bubble Tea's `key.Binding`): the keys, what help says about it,
/// whether and where the footer shows it, and the action. A screen's table of these drives
/// its key matching, its footer and its section of the help screen, so the three agree.
struct KeyBinding<Action: Equatable & Sendable>: Equatable, Sendable {
    var keys: [Key]
    /// The help screen's (and the README's) row; nil when another binding's row covers this
    /// one ("r / R" covers R).
    var help: KeyHint?
    /// The footer's hint and its place there (lower first); nil: not in the footer.
    var footer: (rank: Int, hint: KeyHint)?
    var action: Action

    init(_ keys: [Key], help: KeyHint?, footer: (Int, KeyHint)? = nil, _ action: Action) {
        self.keys = keys
        self.help = help
        self.footer = footer.map { (rank: $0.0, hint: $0.1) }
        self.action = action
    }

    static func == (a: KeyBinding, b: KeyBinding) -> Bool {
        a.keys == b.keys && a.help == b.help && a.footer?.rank == b.footer?.rank && a.footer?.hint == b.footer?.hint && a.action == b.action
    }
}

extension Array {
    /// The action bound to `key`, if any.
    func action<Action>(for key: Key) -> Action? where Element == KeyBinding<Action> {
        first { $0.keys.contains(key) }?.action
    }

    /// The footer's hints, in footer order.
    func footerHints<Action>() -> [KeyHint] where Element == KeyBinding<Action> {
        compactMap(\.footer).sorted { $0.rank < $1.rank }.map(\.hint)
    }

    /// The help screen's rows, in table order.
    func helpRows<Action>() -> [KeyHint] where Element == KeyBinding<Action> {
        compactMap(\.help)
    }
}
