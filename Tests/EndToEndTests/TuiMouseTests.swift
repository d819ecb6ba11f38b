import Foundation
import Testing

/// The mouse in a real terminal: the app turns on SGR mouse reporting (mode 1006, as ncurses
/// does for xterm-256color), a click selects a row, a double click opens details, the wheel
/// moves three rows, and reporting is off again after exit and while stopped. tmux cannot
/// synthesize clicks (`send-keys -M` only forwards real ones), so the tests send the xterm SGR
/// reports themselves: `ESC [ < button ; column ; row M` (press) and `… m` (release), 1-based.
@Suite("TUI mouse in tmux", .endToEndSlot)
struct TuiMouseTests {
    static let demoAccounts = ["byteconnect-demo", "cognito-demo", "exabits-demo", "starship-demo", "wikimedia-demo", "wikimedia-newbie"]

    static func sgr(button: Int, x: Int, y: Int, press: Bool) -> [UInt8] {
        Array("\u{1B}[<\(button);\(x + 1);\(y + 1)\(press ? "M" : "m")".utf8)
    }

    static func click(x: Int, y: Int) -> [UInt8] {
        sgr(button: 0, x: x, y: y, press: true) + sgr(button: 0, x: x, y: y, press: false)
    }

    /// The 0-based screen row showing `text`.
    static func row(of text: String, in screen: String) throws -> Int {
        try #require(screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }, "\(text) not on screen:\n\(screen)")
    }

    /// Whether `screen` is the details screen of `account`, unscrolled: its first body line is
    /// the account's name. (The title bar may be too full to show the name at 80 columns.)
    static func showsDetails(of account: String, _ screen: String) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count > 2 && lines[1].trimmingCharacters(in: .whitespaces) == account && lines[2].hasPrefix("Provider")
    }

    /// Mouse reporting in the pane, as tmux sees it: any mode on, press/release (1000), SGR
    /// encoding (1006). The real binary at TERM=xterm-256color answers "111".
    static func mouseModes(_ session: TmuxSession) async throws -> String {
        try await session.display("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_sgr_flag}")
    }

    func startDemo(_ scratch: TemporaryDirectory) async throws -> TmuxSession {
        let session = try await TmuxSession(
            // TERM in the command line: `tmux -e` does not always reach the pane's program.
            command: ["env", "TERM=xterm-256color", try BuiltProducts.tokenman(), "demo"],
            environment: ["TMPDIR": scratch.path, "TERM": "xterm-256color"],
            width: 80, height: 24)
        try await session.waitFor("the demo accounts logged in", timeout: 30) { screen in
            Self.demoAccounts.allSatisfy(screen.contains) && !screen.contains("logging in")
        }
        return session
    }

    @Test func clickSelectsDoubleClickOpensDetailsWheelMovesAndReportingEndsWithTheProgram() async throws {
        let scratch = try TemporaryDirectory()
        let session = try await startDemo(scratch)
        defer { session.kill() }
        #expect(try await Self.mouseModes(session) == "111", "press/release reporting in SGR form")

        // A click on the starship row selects it: Enter opens its details.
        var screen = try await session.screen()
        let starship = try Self.row(of: "starship-demo", in: screen)
        // Sent together, press and release reach ncurses as one run, which it reports as a
        // release alone; `ClickResolver` makes that a click (it was lost before).
        try await session.sendBytes(Self.click(x: 10, y: starship))
        try await session.press("Enter")
        try await session.waitFor("starship-demo details") { Self.showsDetails(of: "starship-demo", $0) }
        try await session.press("Escape")
        screen = try await session.waitFor(text: "wikimedia-newbie")

        // A double click on the exabits row opens its details at once.
        let exabits = try Self.row(of: "exabits-demo", in: screen)
        try await session.sendBytes(Self.click(x: 20, y: exabits) + Self.click(x: 20, y: exabits))
        try await session.waitFor("exabits-demo details") { Self.showsDetails(of: "exabits-demo", $0) }
        try await session.press("q")
        screen = try await session.waitFor(text: "wikimedia-newbie")

        // A click on the header or the footer does nothing; the selection stays on exabits.
        try await session.sendBytes(Self.click(x: 5, y: 1) + Self.click(x: 5, y: 23) + Self.click(x: 5, y: 0))
        try await session.press("Enter")
        try await session.waitFor("exabits-demo details again") { Self.showsDetails(of: "exabits-demo", $0) }
        try await session.press("q")
        screen = try await session.waitFor(text: "wikimedia-newbie")

        // The wheel (button 64 up, 65 down) moves the selection three rows: byteconnect → starship.
        try await session.press("g")
        try await session.sendBytes(Self.sgr(button: 65, x: 10, y: 5, press: true))
        try await session.press("Enter")
        try await session.waitFor("starship-demo details after the wheel") { Self.showsDetails(of: "starship-demo", $0) }
        // …and scrolls the details as ↓ does: the first line goes off the top.
        try await session.sendBytes(Self.sgr(button: 65, x: 10, y: 5, press: true))
        try await session.waitFor("details scrolled") { !Self.showsDetails(of: "starship-demo", $0) && $0.contains("Access token") }

        try await session.press("q")
        try await session.waitFor(text: "wikimedia-newbie")
        try await session.press("q")
        let end = try await session.waitFor(text: "[exit ")
        #expect(end.contains("[exit 0]"), "\(end)")
        #expect(try await Self.mouseModes(session) == "000", "mouse reporting is still on after exit")
    }

    /// Ended by a signal, the program leaves no mouse reporting behind either.
    @Test func reportingIsOffAfterSIGTERM() async throws {
        let fixture = try await TuiFixture(accounts: [TuiTerminalConventionTests.account])
        #expect(try await String(Self.mouseModes(fixture.session).prefix(2)) == "11")
        #expect(kill(try await fixture.session.programPID(), SIGTERM) == 0)
        try await fixture.session.waitFor(text: "[exit ")
        #expect(try await String(Self.mouseModes(fixture.session).prefix(2)) == "00")
    }

    /// Ctrl-Z hands the shell a terminal without mouse reporting; `fg` turns it back on.
    /// (The shell's TERM decides the encoding, so only "on" is checked here, not SGR.)
    @Test func reportingIsOffWhileSuspended() async throws {
        let fixture = try await TuiFixture(accounts: [TuiTerminalConventionTests.account], launch: .interactiveShell)
        func reporting() async throws -> String { String(try await Self.mouseModes(fixture.session).prefix(2)) }
        #expect(try await reporting() == "11")
        try await fixture.session.press("C-z")
        try await fixture.session.waitFor(text: "Stopped")
        #expect(try await reporting() == "00")
        try await fixture.session.type("fg")
        try await fixture.session.press("Enter")
        try await fixture.session.waitFor(text: "NAME")
        // The backend switches reporting back on when it resumes.
        var modes = ""
        for _ in 0..<20 {
            modes = try await reporting()
            if modes == "11" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(modes == "11")
        try await fixture.session.press("q")
    }
}
