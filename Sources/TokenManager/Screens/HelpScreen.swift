import TerminalUI

/// The `?` overlay: every key, by screen, from the screens' key tables.
enum HelpScreen {
    static let overlay = HelpOverlay(title: "Keys", sections: [
        HelpOverlay.Section("Accounts", AccountListKeys.bindings.helpRows()),
        HelpOverlay.Section("Details", DetailKeys.bindings.helpRows()),
        HelpOverlay.Section("Forms", [
            KeyHint("Tab Shift-Tab", "next / previous field"), KeyHint("Enter", "submit"),
            KeyHint("Ctrl-R", "show password"), KeyHint("Esc", "cancel"),
        ]),
    ])
}
