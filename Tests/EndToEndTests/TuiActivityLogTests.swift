import Foundation
import Testing

/// The activity log in the real demo: the scheduler's automatic renewals show up in it (they
/// were invisible before), and the details screen shows the last and the next renewal.
@Suite("TUI activity log in tmux", .endToEndSlot)
struct TuiActivityLogTests {
    @Test func anAutomaticRenewalOfTheDemoIsLoggedAndShownInDetails() async throws {
        let scratch = try TemporaryDirectory()
        let session = try await TmuxSession(
            command: ["env", "TERM=xterm-256color", try BuiltProducts.tokenman(), "demo", "--access-ttl", "20", "--refresh-ttl", "120"],
            environment: ["TMPDIR": scratch.path, "TERM": "xterm-256color"],
            width: 80, height: 24)
        defer { session.kill() }
        try await session.waitFor(text: "wikimedia-newbie", timeout: 30)
        try await session.press("L")
        // 20 s tokens are renewed about 10 s into their life.
        let log = try await session.waitFor("an automatic renewal in the log", timeout: 60) { $0.contains("renewed automatically") }
        #expect(log.contains("Activity · newest first"), "\(log)")
        let lines = log.split(separator: "\n").map(String.init)
        let entry = try #require(lines.first { $0.contains("renewed automatically") })
        // "HH:MM:SS  account  renewed automatically"
        #expect(entry.range(of: #"^\d\d:\d\d:\d\d  [a-z]+-demo +renewed automatically$"#, options: .regularExpression) != nil, "\(entry)")
        #expect(!log.contains("eyJ"), "a token in the log:\n\(log)")

        // The renewed account's details: the last renewal is no longer "never".
        let account = try #require(entry.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init))
        try await session.press("q")
        try await session.waitFor(text: "wikimedia-newbie")
        // Filter to the account, so Enter opens its details whatever the row order.
        try await session.press("/")
        try await session.type(account)
        try await session.press("Enter", "Enter")
        let details = try await session.waitFor("details with the renewal lines", timeout: 20) { screen in
            screen.contains("Last renewal") && !screen.contains("never this session") && screen.contains("Next renewal")
        }
        #expect(details.contains("(automatic)"), "\(details)")
        try await session.press("q", "Escape", "q")
        let end = try await session.waitFor(text: "[exit ")
        #expect(end.contains("[exit 0]"), "\(end)")
    }
}
