import Foundation
import Testing

/// Regression for the release crash: `tokenman demo` built with -O died at its first automatic
/// renewal (`Illegal instruction` in `RefreshScheduler.tick`), which no debug-only test could
/// see. CI runs this suite against the release binary too (`TOKENMAN_TEST_BINARY`). With the
/// shortest lifetimes, every provider renews at least twice while the UI keeps running.
@Suite("tokenman demo renews automatically", .endToEndSlot)
struct DemoRenewalTests {
    static let accounts = ["byteconnect-demo", "exabits-demo", "starship-demo", "wikimedia-demo"]

    @Test func everyProviderRenewsTwiceAndTheDemoKeepsRunning() async throws {
        let scratch = try TemporaryDirectory()
        let session = try await TmuxSession(
            command: [try BuiltProducts.tokenman(), "demo", "--access-ttl", "20", "--refresh-ttl", "120"],
            environment: ["TMPDIR": scratch.path, "TERM": "xterm-256color"],
            width: 140, height: 30
        )
        defer { session.kill() }
        try await session.waitFor("all demo accounts", timeout: 30) { screen in
            Self.accounts.allSatisfy { DemoUITests.secondsLeft(in: screen, account: $0) != nil }
        }
        var last: [String: Int] = [:]
        var renewals: [String: Int] = [:]
        // Exabits has the longest demo lifetime (35 s, renewed about 7 s before expiry): two of
        // its renewals take about a minute. The bound only limits a failing run.
        let deadline = Date().addingTimeInterval(180)
        var screen = ""
        while Date() < deadline, !Self.accounts.allSatisfy({ renewals[$0, default: 0] >= 2 }) {
            screen = try await session.screen()
            #expect(!screen.contains("[exit "), "the demo ended:\n\(screen)")
            if screen.contains("[exit ") { return }
            for account in Self.accounts {
                guard let seconds = DemoUITests.secondsLeft(in: screen, account: account) else { continue }
                // A countdown that goes back up is a renewal (the clock alone only goes down).
                if let previous = last[account], seconds > previous + 1 { renewals[account, default: 0] += 1 }
                last[account] = seconds
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        for account in Self.accounts {
            #expect(renewals[account, default: 0] >= 2, "\(account) renewed \(renewals[account, default: 0]) times; last screen:\n\(screen)")
        }
        try await session.press("q")
        let end = try await session.waitFor(text: "[exit ")
        #expect(end.contains("[exit 0]"), "\(end)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
}
