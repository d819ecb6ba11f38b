import Foundation
import Testing

@Suite("tokenman exec", .endToEndSlot)
struct CliExecTests {
    @Test func exportsTokensAndAccountFieldsInTheEnvironment() async throws {
        let fixture = try CliFixture()
        let token = try await fixture.tokenman("token", "bc").output
        let script = """
            printf '%s\\n' "$TOKENMAN_ACCESS_TOKEN" "$TOKENMAN_ACCOUNT" "$TOKENMAN_PROVIDER" "$TOKENMAN_SUBDOMAIN" \
            "$TOKENMAN_AFFILIATE_ID" "$TOKENMAN_BODY_FIELD" "$TOKENMAN_ACCESS_EXPIRES_IN" "$TOKENMAN_ACCESS_EXPIRES_AT" \
            "${TOKENMAN_AUTH_HEADER-unset}" "${TOKENMAN_REFRESH_TOKEN:+has-refresh}"
            """
        let result = try await fixture.tokenman("exec", "bc", "--", "sh", "-c", script)
        #expect(result.status == 0, "\(result)")
        let lines = result.lines
        try #require(lines.count == 10)
        #expect(lines[0] == token)
        #expect(Array(lines[1...4]) == ["bc", "byteconnect", "shop", "A-1001"])
        #expect(lines[5] == "\"access_token\": \"\(token)\"")
        let secondsLeft = try #require(Int(lines[6]))
        #expect((800...900).contains(secondsLeft))
        #expect(lines[7].hasSuffix("Z") && lines[7].contains("T"))
        #expect(lines[8] == "unset")
        #expect(lines[9] == "has-refresh")
    }

    @Test func exabitsGetsBothHeaders() async throws {
        let fixture = try CliFixture()
        let result = try await fixture.tokenman("exec", "ex", "--", "sh", "-c", #"printf '%s\n' "$TOKENMAN_AUTH_HEADER" "$TOKENMAN_REFRESH_HEADER""#)
        #expect(result.status == 0)
        #expect(result.lines.count == 2)
        #expect(result.lines.first?.hasPrefix("Authorization: Bearer ey") == true)
        #expect(result.lines.last?.hasPrefix("refresh-token: ey") == true)
    }

    @Test func exitStatusPassesThroughAndTheTokenIsNotInArgv() async throws {
        let fixture = try CliFixture()
        let token = try await fixture.tokenman("token", "wm").output
        // exec replaces tokenman: the shell's own command line is what `ps` would show.
        let result = try await fixture.tokenman("exec", "wm", "--", "sh", "-c", #"tr '\0' ' ' < /proc/$$/cmdline; exit 42"#)
        #expect(result.status == 42)
        #expect(result.stdout.hasPrefix("sh -c"))
        #expect(!result.stdout.contains(token))
        #expect(!result.stdout.contains("tokenman"))
    }

    @Test func missingCommandExits127() async throws {
        let fixture = try CliFixture()
        let result = try await fixture.tokenman("exec", "wm", "--", "no-such-command-tokenman-test")
        #expect(result.status == 127)
        #expect(result.stderr.contains("command not found"))
        let noCommand = try await fixture.tokenman("exec", "wm")
        #expect(noCommand.status == 64)
    }
}
