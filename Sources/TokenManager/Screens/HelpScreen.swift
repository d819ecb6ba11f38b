import TerminalUI

/// The `?` overlay: every key, by screen.
enum HelpScreen {
    static let overlay = HelpOverlay(title: "Keys", sections: [
        HelpOverlay.Section("Accounts", [
            KeyHint("↑↓ j k g G", "move"), KeyHint("Enter", "details"), KeyHint("l", "log in"),
            KeyHint("r / R", "refresh / refresh all"), KeyHint("x", "log out / revoke"), KeyHint("c", "copy token or header"),
            KeyHint("f", "forgot password"), KeyHint("p", "change password"), KeyHint("a e d", "add / edit / delete account"),
            KeyHint("/", "filter (Esc clears)"), KeyHint("s", "sort by name / expiry"), KeyHint("q", "quit"),
        ]),
        HelpOverlay.Section("Details", [KeyHint("r", "reveal / mask tokens"), KeyHint("Esc", "back")]),
        HelpOverlay.Section("Forms", [
            KeyHint("Tab Shift-Tab", "next / previous field"), KeyHint("Enter", "submit"),
            KeyHint("Ctrl-R", "show password"), KeyHint("Esc", "cancel"),
        ]),
    ])
}
