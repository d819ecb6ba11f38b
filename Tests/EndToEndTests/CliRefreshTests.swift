import Foundation
import ProviderSimulator
import Testing

/// `tokenman refresh ACCOUNT… | --all` against the simulator: renewals, failures per account and
/// exit statuses.
@Suite(.serialized) struct CliRefreshTests {
    @Test func namedAccountsAreRenewedEvenWhileValid() async throws {
        let fixture = try CliFixture()
        let before = [try await fixture.tokenman("token", "ss"), try await fixture.tokenman("token", "wm")]
        #expect(before.allSatisfy { $0.status == 0 })
        let refreshed = try await fixture.tokenman("refresh", "ss", "wm")
        #expect(refreshed.status == 0, "\(refreshed)")
        #expect(refreshed.output.isEmpty)
        #expect(fixture.simulator.tally(for: .starship).refreshes == 1)
        #expect(fixture.simulator.tally(for: .wikimedia).refreshes == 1)
        let after = try await fixture.tokenman("token", "ss")
        #expect(after.output != before[0].output)
    }

    @Test func allTakesEveryLoggedInAccountAndSkipsTheOthers() async throws {
        let fixture = try CliFixture()
        for account in ["bc", "ss", "wm"] {
            #expect(try await fixture.tokenman("token", account).status == 0)
        }
        let refreshed = try await fixture.tokenman("refresh", "--all")
        #expect(refreshed.status == 0, "\(refreshed)")
        #expect(fixture.simulator.tally(for: .byteConnect).refreshes == 1)
        #expect(fixture.simulator.tally(for: .starship).refreshes == 1)
        #expect(fixture.simulator.tally(for: .wikimedia).refreshes == 1)
        // ex, ss-prompt and newbie hold no tokens: no request, no failure.
        #expect(fixture.simulator.requestCount(for: .exabits) == 0)
    }

    @Test func aFailureIsReportedPerAccountAndTheOthersGoOn() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "wm").status == 0)
        // ss-prompt is not logged in and has no password source: it needs a person (exit 4).
        let result = try await fixture.tokenman("refresh", "ss-prompt", "wm")
        #expect(result.status == 4, "\(result)")
        #expect(result.stderr.contains("tokenman: ss-prompt: "), "\(result)")
        #expect(!result.stderr.contains("tokenman: wm:"), "\(result)")
        #expect(fixture.simulator.tally(for: .wikimedia).refreshes == 1)
    }

    @Test func providerAndNetworkFailuresKeepTheirExitStatuses() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "ss").status == 0)
        fixture.simulator.setFault(.serverError(status: 503), for: .starship)
        let serverError = try await fixture.tokenman("refresh", "ss")
        #expect(serverError.status == 7, "\(serverError)")
        fixture.simulator.setFault(nil, for: .starship)
        fixture.simulator.stop()
        let unreachable = try await fixture.tokenman("refresh", "--all")
        #expect(unreachable.status == 6, "\(unreachable)")
        #expect(unreachable.stderr.contains("tokenman: ss: "), "\(unreachable)")
    }

    @Test func usageAndUnknownAccounts() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "ss").status == 0)
        let nothing = try await fixture.tokenman("refresh")
        #expect(nothing.status == 64, "\(nothing)")
        let both = try await fixture.tokenman("refresh", "ss", "--all")
        #expect(both.status == 64, "\(both)")
        let unknown = try await fixture.tokenman("refresh", "ss", "nope")
        #expect(unknown.status == 3, "\(unknown)")
        #expect(unknown.stderr.contains("no account named \"nope\""), "\(unknown)")
        // Checked before any request: ss was not refreshed either.
        #expect(fixture.simulator.tally(for: .starship).refreshes == 0)
    }
}
