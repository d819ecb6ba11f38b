import TerminalUI

/// What a key does on the details screen.
enum DetailAction: Equatable, Sendable {
    case reveal, copy, scrollDown, scrollUp, pageDown, pageUp, top, bottom, back, login, help, quit
    case forgotPassword, changePassword
}

/// The details screen's keys. Help lists only the two that differ from the list's (it is
/// one screen tall at 80x24); the footer shows them all.
enum DetailKeys {
    static let bindings: [KeyBinding<DetailAction>] = [
        KeyBinding([.character("r")], help: KeyHint("r", "reveal / mask tokens"), footer: (0, KeyHint("r", "reveal")), .reveal),
        KeyBinding([.character("c")], help: nil, footer: (1, KeyHint("c", "copy")), .copy),
        KeyBinding([.down, .character("j")], help: nil, footer: (2, KeyHint("↑↓", "scroll")), .scrollDown),
        KeyBinding([.up, .character("k")], help: nil, .scrollUp),
        KeyBinding([.pageDown, .character(" ")], help: nil, .pageDown),
        KeyBinding([.pageUp], help: nil, .pageUp),
        KeyBinding([.home, .character("g")], help: nil, .top),
        KeyBinding([.end, .character("G")], help: nil, .bottom),
        // q goes back, as in the help screen: from a sub-screen it should not end the program.
        KeyBinding([.escape, .character("q"), .left, .backspace, .character("h")], help: KeyHint("Esc q", "back"), footer: (3, KeyHint("Esc", "back")), .back),
        KeyBinding([.character("l")], help: nil, footer: (4, KeyHint("l", "login")), .login),
        KeyBinding([.character("?")], help: nil, footer: (5, KeyHint("?", "help")), .help),
        // As on the list; the form returns to these details.
        KeyBinding([.character("f")], help: nil, .forgotPassword),
        KeyBinding([.character("p")], help: nil, .changePassword),
        KeyBinding([.control("c")], help: nil, .quit),
    ]
}
