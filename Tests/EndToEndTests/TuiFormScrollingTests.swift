import Foundation
import ProviderSimulator
import Testing

/// Forms and help that do not fit scroll to the focused field; the add form's password source
/// is a choice that writes the config (issue 12). Driven through the real binary in tmux.
@Suite("TUI: scrolling forms and the password source", .endToEndSlot)
struct TuiFormScrollingTests {
    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Waits until the terminal cursor is on a row containing `text`; returns the cursor and
    /// the screen.
    static func waitForCursor(on text: String, in session: TmuxSession, timeout: TimeInterval = 5) async throws -> (cursor: (x: Int, y: Int), screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = try await session.screen()
            if let cursor = try await session.cursor() {
                let rows = lines(screen)
                if rows.indices.contains(cursor.y), rows[cursor.y].contains(text) { return (cursor, screen) }
                if Date() > deadline {
                    Issue.record("the cursor \(cursor) is not on \(text):\n\(screen)")
                    return (cursor, screen)
                }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test(arguments: [(40, 10), (40, 12), (80, 24), (120, 35)])
    func changePasswordReachesRepeat(width: Int, height: Int) async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")], width: width, height: height)
        try await tui.logIn(row: 0, name: "wm", password: "demo-pass-4")
        try await tui.waitForRow("wm", "valid") { $0.contains(" valid ") }
        try await tui.session.press("p")
        try await tui.session.waitFor(text: "Change password", timeout: 5)
        try await tui.session.type("demo-pass-4")
        try await tui.session.press("Tab")
        try await tui.session.type("changed-8")
        try await tui.session.press("Tab")
        // Repeat is on screen and the cursor is on its row, inside the box.
        let (cursor, screen) = try await Self.waitForCursor(on: "Repeat", in: tui.session)
        #expect(cursor.x > 0 && cursor.x < width - 1)
        if height == 10 { #expect(screen.contains("↑ more"), "\(screen)") }
        try await tui.session.type("changed-8")
        try await tui.session.press("Enter")
        try await tui.session.waitFor(text: "password of wm changed", timeout: 10)
        #expect(tui.simulator.password(of: "demo", on: .wikimedia) == "changed-8")
    }

    @Test func helpAt20x5Scrolls() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")], width: 20, height: 5)
        try await tui.session.press("?")
        let first = try await tui.session.waitFor(text: "Accounts", timeout: 5)
        #expect(first.contains("↓ more"))
        try await tui.session.press("j", "j", "j")
        let moved = try await tui.session.waitFor(text: "↑ more", timeout: 5)
        #expect(!moved.contains("Accounts"))
        try await tui.session.press("End")
        let end = try await tui.session.waitFor("the end of help", timeout: 5) { !$0.contains("↓ more") && $0.contains("↑ more") }
        #expect(end.contains("Esc"))
        try await tui.session.press("Home")
        try await tui.session.waitFor(text: "Accounts", timeout: 5)
        try await tui.session.press("Escape")
        try await tui.session.waitFor("help closed", timeout: 5) { !$0.contains("↑ more") && !$0.contains("↓ more") }
    }

    @Test(arguments: [(40, 12), (80, 24), (120, 35)])
    func addFormWritesTheChosenPasswordSource(width: Int, height: Int) async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")], width: width, height: height)
        try await tui.session.press("a")
        try await tui.session.waitFor(text: "Add account", timeout: 5)
        try await tui.session.press("Right")  // the second provider: no fields of its own
        try await tui.session.press("Tab")
        try await tui.session.type("gpu2")
        try await tui.session.press("Tab")
        try await tui.session.type("dave")
        try await tui.session.press("Tab", "Tab")
        try await tui.session.waitFor(text: "< prompt when needed >", timeout: 5)
        try await tui.session.press("Right")
        let chosen = try await tui.session.waitFor(text: "< environment variable >", timeout: 5)
        #expect(chosen.contains("Variable"))
        try await tui.session.press("Tab")
        _ = try await Self.waitForCursor(on: "Variable", in: tui.session)
        try await tui.session.type("GPU_PW")
        try await tui.session.press("Enter")
        try await tui.session.waitFor(text: "saved gpu2 to the config", timeout: 10)
        let config = try String(contentsOfFile: tui.configPath, encoding: .utf8)
        #expect(config.contains("name = \"gpu2\"\nprovider = \"exabits\"\nusername = \"dave\"\npassword_env = \"GPU_PW\"\n"), "\(config)")
    }
}
