import Foundation
import Testing

@Suite("tokenman in tmux")
struct HelpScreenTests {
    @Test func helpPrintsUsageInATerminal() throws {
        let session = try TmuxSession(command: [try BuiltProducts.tokenman(), "--help"], height: 60)
        defer { session.kill() }
        let screen = try session.waitFor(text: "[exit 0]")
        #expect(screen.contains("USAGE: tokenman"))
    }
}
