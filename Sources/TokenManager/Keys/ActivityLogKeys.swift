import TerminalUI

/// What a key does on the activity log screen.
enum ActivityLogAction: Equatable, Sendable {
    case scrollDown, scrollUp, pageDown, pageUp, top, bottom, back, help, quit
}

/// The activity log's keys: it scrolls like the details screen and goes back the same way.
enum ActivityLogKeys {
    static let bindings: [KeyBinding<ActivityLogAction>] = [
        KeyBinding([.down, .character("j")], help: KeyHint("↑ ↓ PgUp PgDn", "scroll"), footer: (0, KeyHint("↑↓", "scroll")), .scrollDown),
        KeyBinding([.up, .character("k")], help: nil, .scrollUp),
        KeyBinding([.pageDown, .character(" ")], help: nil, .pageDown),
        KeyBinding([.pageUp], help: nil, .pageUp),
        KeyBinding([.home, .character("g")], help: nil, .top),
        KeyBinding([.end, .character("G")], help: nil, .bottom),
        KeyBinding([.escape, .character("q"), .left, .backspace, .character("h")], help: KeyHint("Esc q", "back"), footer: (1, KeyHint("Esc", "back")), .back),
        KeyBinding([.character("?")], help: nil, footer: (2, KeyHint("?", "help")), .help),
        KeyBinding([.control("c")], help: nil, .quit),
    ]
}
