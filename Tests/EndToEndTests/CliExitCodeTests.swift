import Foundation
import ProviderSimulator
import Testing

/// Every documented exit status, produced by the real failure it stands for.
@Suite("tokenman exit codes", .endToEndSlot)
struct CliExitCodeTests {
    @Test func configErrorNamesFileLineAndField() async throws {
        let fixture = try CliFixture()
        let bad = fixture.directory + "/bad.toml"
        try "[[accounts]]\nname = \"x\"\nprovider = \"wikimedai\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try await fixture.tokenman("--config", bad, "token", "x")
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bad.toml:3: accounts[1].provider: unknown provider \"wikimedai\""))
        let missing = try await fixture.tokenman("list", "--config", fixture.directory + "/none.toml")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("none.toml: no such file"))
        let unknownAccount = try await fixture.tokenman("token", "nope")
        #expect(unknownAccount.status == 3)
        #expect(unknownAccount.stderr.contains("no account named \"nope\""))
    }

    @Test func wrongPasswordIsBadCredentials() async throws {
        let fixture = try CliFixture()
        let result = try await fixture.tokenman("token", "ss", extra: ["TM_TEST_PW_SS": "wrong"])
        #expect(result.status == 5, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("wrong"))
    }

    @Test func stoppedSimulatorIsANetworkError() async throws {
        let fixture = try CliFixture()
        // stop() waits for the accept loop (up to a quarter second): off the pool.
        await BlockingWork.run { fixture.simulator.stop() }
        let result = try await fixture.tokenman("token", "wm")
        #expect(result.status == 6, "\(result)")
    }

    @Test func serverErrorAndDroppedConnection() async throws {
        let fixture = try CliFixture()
        fixture.simulator.setFault(.serverError(status: 503), for: .starship)
        #expect(try await fixture.tokenman("token", "ss").status == 7)
        fixture.simulator.setFault(.htmlErrorPage, for: .starship)
        #expect(try await fixture.tokenman("token", "ss").status == 7)
        fixture.simulator.setFault(nil, for: .starship)
        #expect(try await fixture.tokenman("token", "ss").status == 0)
    }

    @Test func rateLimited() async throws {
        let fixture = try CliFixture()
        fixture.simulator.setLoginRateLimit(LoginRateLimit(maxFailures: 1, window: 300))
        #expect(try await fixture.tokenman("token", "ss", extra: ["TM_TEST_PW_SS": "wrong"]).status == 5)
        let limited = try await fixture.tokenman("token", "ss", extra: ["TM_TEST_PW_SS": "wrong"])
        #expect(limited.status == 8, "\(limited)")
    }

    @Test func promptOnlyAccountWithoutTerminalNeedsInteractiveLogin() async throws {
        let fixture = try CliFixture()
        let token = try await fixture.tokenman("token", "ss-prompt")
        #expect(token.status == 4, "\(token)")
        let login = try await fixture.tokenman("login", "ss-prompt")
        #expect(login.status == 4, "\(login)")
        let unsetVariable = try await fixture.tokenman(arguments: ["token", "ss"], extra: ["TM_TEST_PW_SS": ""])
        #expect(unsetVariable.status == 4)
        #expect(unsetVariable.stderr.contains("TM_TEST_PW_SS"))
        #expect(fixture.simulator.requestCount(for: .starship) == 0)
    }

    @Test func usageErrorsExit64() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token").status == 64)
        #expect(try await fixture.tokenman("token", "ss", "--kind", "bogus").status == 64)
        #expect(try await fixture.tokenman("token", "ss", "--min-valid", "5 parsecs").status == 64)
    }
}
