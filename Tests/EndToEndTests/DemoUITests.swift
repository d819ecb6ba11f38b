import Foundation
import Testing

/// `tokenman demo` in a real terminal: the four providers' accounts show, a countdown moves,
/// `q` quits, and the demo's temp directory is gone afterwards.
@Suite("tokenman demo in tmux", .endToEndSlot)
struct DemoUITests {
    static let accounts = ["byteconnect-demo", "exabits-demo", "starship-demo", "wikimedia-demo", "wikimedia-newbie"]

    @Test func showsEveryProviderCountsDownAndCleansUpOnQuit() async throws {
        let scratch = try TemporaryDirectory()
        let session = try await TmuxSession(
            command: [try BuiltProducts.tokenman(), "demo"],
            environment: ["TMPDIR": scratch.path, "TERM": "xterm-256color"],
            width: 140, height: 30
        )
        defer { session.kill() }
        let first = try await session.waitFor("all demo accounts", timeout: 20) { screen in
            Self.accounts.allSatisfy(screen.contains)
        }
        #expect(first.contains("tokenman-demo-"), "the banner names the demo directory")
        let before = try #require(Self.secondsLeft(in: first, account: "starship-demo"), "no countdown on the starship-demo row:\n\(first)")
        let later = try await session.waitFor("the starship-demo countdown to move", timeout: 10) { screen in
            (Self.secondsLeft(in: screen, account: "starship-demo") ?? before) < before
        }
        #expect((Self.secondsLeft(in: later, account: "starship-demo") ?? before) < before)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)

        try await session.press("q")
        try await session.waitFor(text: "[exit 0]")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// The first countdown on the account's row, in seconds: `1:05`, `1m05s`, `65s`.
    static func secondsLeft(in screen: String, account: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(account) }) else { return nil }
        let text = String(line)
        let patterns = [#"\b(\d+):(\d\d)\b"#, #"\b(\d+)m(\d\d)s\b"#, #"\b(\d+)s\b"#]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { continue }
            let groups = (1..<match.numberOfRanges).compactMap { index -> Int? in
                Range(match.range(at: index), in: text).flatMap { Int(text[$0]) }
            }
            if groups.count == 2 { return groups[0] * 60 + groups[1] }
            if groups.count == 1 { return groups[0] }
        }
        return nil
    }
}
