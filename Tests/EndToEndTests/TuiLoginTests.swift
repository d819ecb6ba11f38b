import Foundation
import ProviderSimulator
import Testing

@Suite("TUI: login and countdowns", .endToEndSlot)
struct TuiLoginTests {
    @Test func logInToEachProviderThenCountdownsDecreaseAndQRestoresTheTerminal() async throws {
        let tui = try await TuiFixture(accounts: [
            .init(name: "bc", provider: .byteConnect, username: "demo"),
            .init(name: "exa", provider: .exabits, username: "demo"),
            .init(name: "ship", provider: .starship, username: "demo"),
            .init(name: "wm", provider: .wikimedia, username: "demo"),
        ])
        let passwords = ["bc": "demo-pass-1", "exa": "demo-pass-2", "ship": "demo-pass-3", "wm": "demo-pass-4"]
        for (index, name) in ["bc", "exa", "ship", "wm"].enumerated() {
            #expect(try await tui.waitForRow(name, "logged out") { $0.contains("logged out") }.contains("—"))
            try await tui.logIn(row: index, name: name, password: passwords[name] ?? "")
            try await tui.waitForRow(name, "valid") { $0.contains(" valid ") }
        }
        let screen = try await tui.session.screen()
        #expect(!screen.contains("demo-pass"))
        let first = try #require(tui.row("bc", in: screen).flatMap(TuiFixture.accessSeconds))
        #expect(first > 14 * 60 && first <= 15 * 60)
        try await tui.waitForRow("bc", timeout: 4, "countdown below \(first)") { row in
            TuiFixture.accessSeconds(of: row).map { $0 < first } ?? false
        }
        try await tui.session.press("q")
        let after = try await tui.session.waitFor(text: "[exit 0]", timeout: 5)
        #expect(!after.contains("NAME"))
    }

    @Test func wrongPasswordShowsTheServersErrorInTheForm() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "ship", provider: .starship, username: "demo")])
        try await tui.logIn(row: 0, name: "ship", password: "wrong")
        let screen = try await tui.session.waitFor(text: "Invalid credentials", timeout: 10)
        #expect(screen.contains("Log in · ship"))
        try await tui.session.press("Escape")
        try await tui.waitForRow("ship", "logged out") { $0.contains("logged out") }
    }

    @Test func resizeKeepsWorking() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")])
        try await tui.logIn(row: 0, name: "wm", password: "demo-pass-4")
        try await tui.waitForRow("wm", "valid") { $0.contains(" valid ") }
        try await tui.session.resize(width: 60, height: 12)
        try await tui.session.waitFor("narrow screen") { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 60 } && screen.contains("wm") && screen.contains("valid")
        }
        // At 40 columns the list keeps NAME, STATE and ACCESS (issue 12).
        try await tui.session.resize(width: 40, height: 12)
        try await tui.session.waitFor("40 columns") { screen in
            screen.contains("NAME") && screen.contains("STATE") && screen.contains("ACCESS") && !screen.contains("PROVIDER")
        }
        try await tui.session.resize(width: 12, height: 3)
        try await tui.session.waitFor("tiny screen") { $0.split(separator: "\n").allSatisfy { $0.count <= 12 } }
        try await tui.session.resize(width: 100, height: 30)
        try await tui.waitForRow("wm", "valid again") { $0.contains(" valid ") }
        try await tui.session.press("Enter")
        try await tui.session.waitFor(text: "JWT · access token", timeout: 5)
    }

    @Test func malformedConfigIsReportedBeforeTheUIStarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-badcfg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.toml").path
        try "[[accounts]]\nname = \"x\"\nprovider = \"wikimedai\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let session = try await TmuxSession(command: [try BuiltProducts.tokenman(), "--config", path, "--state-dir", directory.path])
        defer { session.kill() }
        let screen = try await session.waitFor(text: "[exit 3]", timeout: 10)
        // The pane wraps long lines: compare without line breaks.
        let text = screen.replacingOccurrences(of: "\n", with: "")
        #expect(text.contains("config.toml:3: accounts[1].provider: unknown provider \"wikimedai\""))
    }
}
