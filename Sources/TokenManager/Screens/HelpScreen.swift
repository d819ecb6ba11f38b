import TerminalUI

/// The `?` overlay: every key, by screen, from the screens' key tables.
enum HelpScreen {
    static let overlay = HelpOverlay(title: "Keys", sections: [
        HelpOverlay.Section("Accounts", AccountListKeys.bindings.helpRows()),
        HelpOverlay.Section("Details", DetailKeys.bindings.helpRows()),
        HelpOverlay.Section("Forms", [
            KeyHint("Tab Shift-Tab", "next / previous field"), KeyHint("← → Space", "change a choice"),
            KeyHint("Enter", "submit"), KeyHint("Ctrl-R", "show password"), KeyHint("Esc", "cancel"),
        ]),
        HelpOverlay.Section("Help and dialogs", [
            KeyHint("j k ↑ ↓", "scroll"), KeyHint("PgUp PgDn", "page"), KeyHint("Home End", "top / bottom"),
        ]),
    ])

    /// The overlay scrolled by `offset` lines.
    static func overlay(offset: Int) -> HelpOverlay {
        var overlay = overlay
        overlay.offset = offset
        return overlay
    }

    /// Help's keys: Esc, ?, q or Enter close it; j/k, arrows, PgUp/PgDn/Space, Home/End scroll.
    static func update(_ model: inout AppModel, key: Key) {
        if [.escape, .character("?"), .character("q"), .enter].contains(key) {
            model.overlay = nil
            model.helpOffset = 0
        } else if let offset = overlay(offset: model.helpOffset).offset(after: key, in: Rect(size: model.size)) {
            model.helpOffset = offset
        }
    }
}
