import Foundation
import Testing

/// `tokenman demo --theme NAME` uses that theme (issue 12: `tokenman`'s own `--theme` used to
/// take the value, and the demo ran in the default theme).
@Suite("tokenman demo --theme", .endToEndSlot)
struct DemoThemeTests {
    @Test func anUnknownThemeIsReported() async throws {
        let scratch = try TemporaryDirectory()
        let result = try await ProcessRunner.run(["demo", "--theme", "no-such-theme"], environment: ["PATH": "/usr/bin:/bin", "TMPDIR": scratch.path, "HOME": scratch.path])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("theme \"no-such-theme\" not found"), "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// The light theme's title is colour 18 (#000087); the default dark one's is bright white.
    @Test func theLightThemeColoursTheTitle() async throws {
        let scratch = try TemporaryDirectory()
        // NO_COLOR empty: the test process may have it set (its output is read by tools), and
        // the tmux server would pass it on, turning every theme monochrome.
        let session = try await TmuxSession(
            command: [try BuiltProducts.tokenman(), "demo", "--theme", "light"],
            environment: ["TMPDIR": scratch.path, "HOME": scratch.path, "TERM": "xterm-256color", "NO_COLOR": ""],
            width: 120, height: 12
        )
        defer { session.kill() }
        try await session.waitFor(text: "wikimedia-newbie", timeout: 20)
        let styled = try await session.styledScreen()
        let title = styled.split(separator: "\n").first.map(String.init) ?? ""
        #expect(title.contains("38;5;18m"), "title not in the light theme: \(title.debugDescription)")
        try await session.press("q")
        try await session.waitFor(text: "[exit 0]")
    }
}
