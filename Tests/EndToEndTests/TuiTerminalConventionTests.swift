import Foundation
import Testing

/// How the UI ends and pauses, as a person at a terminal expects: Ctrl-C exits 130, SIGQUIT
/// restores the terminal (no backtrace over the screen) and exits 131, Ctrl-Z stops the process
/// and `fg` (SIGCONT) redraws, a closed stdin is no reason to spin, and without a terminal the
/// UI refuses to start with a message instead.
@Suite("TUI terminal conventions in tmux", .endToEndSlot)
struct TuiTerminalConventionTests {
    static let account = TuiFixture.Account(name: "ss", provider: .starship, username: "demo")

    @Test func ctrlCExits130() async throws {
        let fixture = try await TuiFixture(accounts: [Self.account])
        try await fixture.session.press("C-c")
        let screen = try await fixture.session.waitFor(text: "[exit ")
        #expect(screen.contains("[exit 130]"), "\(screen)")
    }

    @Test func sigquitRestoresTheTerminalAndExits131() async throws {
        let fixture = try await TuiFixture(accounts: [Self.account])
        let pid = try await fixture.session.programPID()
        #expect(kill(pid, SIGQUIT) == 0)
        let screen = try await fixture.session.waitFor(text: "[exit ")
        #expect(screen.contains("[exit 131]"), "\(screen)")
        #expect(!screen.contains("NAME"), "the alternate screen is still shown:\n\(screen)")
        #expect(!screen.contains("crashed") && !screen.contains("Backtrace"), "\(screen)")
    }

    /// SIGQUIT during `tokenman demo` also removes the demo's directory (it was left behind).
    @Test func sigquitDuringTheDemoCleansUp() async throws {
        let scratch = try TemporaryDirectory()
        let session = try await TmuxSession(
            command: [try BuiltProducts.tokenman(), "demo"],
            environment: ["TMPDIR": scratch.path, "TERM": "xterm-256color"], width: 140, height: 30)
        defer { session.kill() }
        try await session.waitFor(text: "wikimedia-newbie", timeout: 20)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        #expect(kill(try await session.programPID(), SIGQUIT) == 0)
        let screen = try await session.waitFor(text: "[exit ")
        #expect(screen.contains("[exit 131]"), "\(screen)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// Ctrl-Z at an interactive shell stops the UI with the terminal restored, and `fg`
    /// brings it back redrawn. (Before, the app's key map swallowed Ctrl-Z.)
    @Test func ctrlZStopsAndFgRedraws() async throws {
        let fixture = try await TuiFixture(accounts: [Self.account], launch: .interactiveShell)
        try await fixture.session.press("C-z")
        let paused = try await fixture.session.waitFor(text: "Stopped")
        #expect(!paused.contains("NAME"), "the UI did not leave the alternate screen:\n\(paused)")
        try await fixture.session.type("fg")
        try await fixture.session.press("Enter")
        try await fixture.session.waitFor(text: "NAME")
        try await fixture.session.press("q")
        try await fixture.session.waitFor("the prompt after the UI") { $0.hasSuffix("[sh]") || $0.contains("[sh]\n") }
        try await fixture.session.type("echo \"[status $?]\"")
        try await fixture.session.press("Enter")
        let screen = try await fixture.session.waitFor(text: "[status ")
        #expect(screen.contains("[status 0]"), "\(screen)")
    }

    /// Regression: `tokenman < /dev/null` in a terminal spun at 100% CPU and never exited.
    /// The UI reads keys from /dev/tty, so it works as usual and sits idle.
    @Test func closedStdinInATerminalIdlesAndQuits() async throws {
        let fixture = try await TuiFixture(accounts: [Self.account], launch: .stdinFromDevNull)
        let pid = try await fixture.session.programPID()
        let before = try #require(Self.cpuTicks(of: pid))
        try await Task.sleep(for: .seconds(3))
        let after = try #require(Self.cpuTicks(of: pid))
        // Spinning burns about 100 ticks a second; idle is a few ticks in the whole window.
        #expect(after - before < 100, "used \(after - before) CPU ticks in 3 s")
        try await fixture.session.press("q")
        let screen = try await fixture.session.waitFor(text: "[exit ")
        #expect(screen.contains("[exit 0]"), "\(screen)")
    }

    /// With no terminal at all (no controlling terminal, stdin and stdout not ones), the UI
    /// says so and exits 1 instead of drawing into a pipe and reading keys from a file.
    /// Regression: with TERM set, it read "keys" from the closed stdin forever at full CPU.
    @Test func withoutATerminalTheUIRefusesToStart() async throws {
        let fixture = try CliFixture()
        var environment = fixture.environment
        environment["TERM"] = "xterm-256color"
        let result = try await ProcessRunner.run([], environment: environment, stdin: "", timeout: 20)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("needs a terminal"), "\(result)")
    }

    /// Hanging up the terminal (closing the tmux pane's pty) ends the UI instead of leaving it
    /// polling a dead descriptor.
    @Test func closingTheTerminalEndsTheProgram() async throws {
        let fixture = try await TuiFixture(accounts: [Self.account])
        let pid = try await fixture.session.programPID()
        fixture.session.kill()
        try await Self.waitForState(of: pid, "gone") { $0 == nil || $0 == "Z" }
    }

    /// The process state letter from /proc/PID/stat (R, S, T, Z…), nil when it is gone.
    static func state(of pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first?.first
    }

    /// utime + stime of the process, in clock ticks.
    static func cpuTicks(of pid: pid_t) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Fields after the command: state is 0, utime is 11, stime is 12.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    static func waitForState(of pid: pid_t, _ what: String, timeout: TimeInterval = 15, _ predicate: (Character?) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(state(of: pid)) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxSession.Failure(description: "process \(pid) never became \(what) (state \(String(describing: state(of: pid))))")
    }
}
