import Foundation
import ProviderSimulator
import Testing

/// The release binary against a hostile provider over loopback HTTP (the simulator's `.answer`
/// fault): nothing from it reaches the terminal raw, and a bad token never becomes a header
/// line, an environment value or a stored token.
@Suite("tokenman against hostile servers", .endToEndSlot)
struct CliHostileServerTests {
    static func starshipTokens(access: String) -> String {
        #"{"access_token":"\#(access)","refresh_token":"r-0123456789","access_expires_at":"2099-01-01T00:00:00Z","refresh_expires_at":"2099-01-01T00:00:00Z"}"#
    }

    static func hasControlBytes(_ text: String) -> Bool {
        text.utf8.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }
    }

    @Test func terminalEscapesInAProviderMessageArePrintedEscaped() async throws {
        let fixture = try CliFixture()
        let hostile = #"{"error":"unauthorized","message":"\u001b]0;pwned\u0007\u001b[2Jlogin:"}"#
        fixture.simulator.setFault(.answer(status: 401, json: hostile), for: .starship)
        let result = try await fixture.tokenman("token", "ss")
        #expect(result.status == 5, "\(result)")
        #expect(!Self.hasControlBytes(result.stderr), "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains(#"\e]0;pwned"#), "\(result)")
    }

    /// A login answer whose token carries CR LF: `header` prints nothing (no injected line),
    /// exits 7 and stores nothing.
    @Test func headerInjectionIsRefusedAndNothingIsStored() async throws {
        let fixture = try CliFixture()
        fixture.simulator.setFault(.answer(status: 200, json: Self.starshipTokens(access: #"abc\r\nX-Injected: yes"#)), for: .starship)
        let result = try await fixture.tokenman("header", "ss")
        #expect(result.status == 7, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("X-Injected"))
        #expect(!FileManager.default.fileExists(atPath: fixture.stateDirectory + "/tokens.json"))
    }

    /// Good tokens are stored; a refresh answer with a NUL in the token is refused, `exec` runs
    /// nothing, and tokens.json is byte for byte what it was.
    @Test func badRefreshAnswerLeavesTheStoredTokensUnchanged() async throws {
        let fixture = try CliFixture()
        let first = try await fixture.tokenman("token", "ss")
        #expect(first.status == 0, "\(first)")
        let storePath = fixture.stateDirectory + "/tokens.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: storePath))
        fixture.simulator.setFault(.answer(status: 200, json: Self.starshipTokens(access: #"abc\u0000def"#)), for: .starship)
        let marker = fixture.directory + "/ran"
        // More validity than is left, within Starship's one-hour grant: a refresh (asking for the
        // whole hour or more would not refresh, the provider cannot grant it).
        try await Task.sleep(for: .seconds(2))
        let result = try await fixture.tokenman("exec", "ss", "--min-valid", "3598.5s", "--", "/bin/sh", "-c", "touch \(marker)")
        #expect(result.status == 7, "\(result)")
        #expect(result.stderr.contains("NUL"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath)) == before)
        // The old token is still served from the cache.
        let again = try await fixture.tokenman("token", "ss")
        #expect(again.output == first.output)
    }

    /// A token with ESC stored by hand (not through a flow) is not printed by `token`.
    @Test func storedTokenWithEscapeIsNotPrinted() async throws {
        let fixture = try CliFixture()
        let first = try await fixture.tokenman("token", "ss")
        #expect(first.status == 0, "\(first)")
        let storePath = fixture.stateDirectory + "/tokens.json"
        let text = try String(contentsOfFile: storePath, encoding: .utf8)
        try text.replacingOccurrences(of: first.output, with: #"abc\u001b]0;x\u0007"#)
            .write(toFile: storePath, atomically: false, encoding: .utf8)
        let result = try await fixture.tokenman("token", "ss")
        #expect(result.status != 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!Self.hasControlBytes(result.stderr))
    }
}
