import Foundation
import Testing

@Suite("tokenman in tmux", .endToEndSlot)
struct HelpScreenTests {
    @Test func helpPrintsUsageInATerminal() async throws {
        let session = try await TmuxSession(command: [try BuiltProducts.tokenman(), "--help"], height: 60)
        defer { session.kill() }
        let screen = try await session.waitFor(text: "[exit 0]")
        #expect(screen.contains("USAGE: tokenman"))
    }
}
