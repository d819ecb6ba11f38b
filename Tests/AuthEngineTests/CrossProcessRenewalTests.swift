import Foundation
import Testing
@testable import AuthEngine
import ProviderSimulator

/// Several `AccountService`s over one state directory stand for several processes (the TUI and
/// scripts): each has its own renewer, so only the store's locks and compare-and-swap keep them
/// from stepping on each other. Real loopback HTTP to the simulator, one manual clock for all.
final class SharedStoreFixture: @unchecked Sendable {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
    let simulator: ProviderSimulator
    let scratch = ScratchDirectory()
    let accounts: [AccountConfig]
    let environment = ["SS_PW": "demo-pass-3", "WM_PW": "demo-pass-4"]

    init(configure: (inout SimulatorConfiguration) -> Void = { _ in }) throws {
        let clock = self.clock
        var configuration = SimulatorConfiguration(clock: { clock.now() }, output: { _ in })
        configure(&configuration)
        simulator = ProviderSimulator(configuration: configuration)
        _ = try simulator.start()
        accounts = [
            AccountConfig(name: "gifts", providerID: "starship", baseURL: simulator.baseURL(for: .starship), username: "demo"),
            AccountConfig(name: "gifts-env", providerID: "starship", baseURL: simulator.baseURL(for: .starship), username: "demo",
                          mode: .password(.environment("SS_PW"))),
            AccountConfig(name: "wiki", providerID: "wikimedia", baseURL: simulator.baseURL(for: .wikimedia), username: "demo"),
            AccountConfig(name: "wiki-env", providerID: "wikimedia", baseURL: simulator.baseURL(for: .wikimedia), username: "demo",
                          mode: .password(.environment("WM_PW"))),
        ]
    }

    deinit { simulator.stop() }

    /// A new "process": its own store instance, service and renewer over the shared directory.
    func process() -> AccountService {
        AccountService(
            config: TokenmanConfig(accounts: accounts),
            store: TokenStore(directory: scratch.path),
            secrets: SecretResolver(environment: environment),
            clock: clock
        )
    }

    func login(_ account: String, _ password: String) async throws -> TokenSet {
        let outcome = try await process().login(account: account, password: password)
        guard case .loggedIn(let tokens) = outcome else { throw AuthError.unexpectedResponse("challenge") }
        return tokens
    }

    /// Waits (suspended, bounded) until the simulator has received `count` refreshes.
    func waitForRefreshes(_ count: Int, of provider: SimulatedProvider) async throws {
        var polls = 0
        while simulator.tally(for: provider).refreshes < count, polls < 1000 {
            try await Task.sleep(for: .milliseconds(10))
            polls += 1
        }
        #expect(simulator.tally(for: provider).refreshes >= count)
    }
}

@Suite struct CrossProcessRenewalTests {
    /// Five processes find the same expired token at once: one refresh reaches the provider, and
    /// every process gets the tokens it produced. (Starship rotates refresh tokens: a second
    /// refresh would be refused, and a prompt-only account could not fall back to a login.)
    @Test func fiveProcessesShareOneRefresh() async throws {
        let fixture = try SharedStoreFixture()
        _ = try await fixture.login("gifts", "demo-pass-3")
        fixture.clock.advance(by: 2 * 3600)
        fixture.simulator.setLatency(0.3, for: .starship)
        let before = fixture.simulator.tally(for: .starship)
        let results = try await withThrowingTaskGroup(of: TokenSet.self) { group in
            for _ in 0..<5 {
                let service = fixture.process()
                group.addTask { try await service.validTokens(account: "gifts") }
            }
            var all: [TokenSet] = []
            for try await tokens in group { all.append(tokens) }
            return all
        }
        let after = fixture.simulator.tally(for: .starship)
        #expect(after.refreshes - before.refreshes == 1)
        #expect(after.logins == before.logins)
        #expect(Set(results.map(\.accessToken)).count == 1)
        #expect(try TokenStore(directory: fixture.scratch.path).load(account: "gifts")?.accessToken == results.first?.accessToken)
    }

    /// A renewal whose answer arrives after the account was logged out and logged in again must
    /// not store its tokens over the new login's: the newer state wins and is what it returns.
    @Test func lateRenewalAfterLogoutAndLoginDoesNotOverwrite() async throws {
        let fixture = try SharedStoreFixture()
        _ = try await fixture.login("gifts", "demo-pass-3")
        fixture.clock.advance(by: 2 * 3600)
        fixture.simulator.setLatency(2, for: .starship)
        let slow = fixture.process()
        let renewal = Task { try await slow.validTokens(account: "gifts") }
        try await fixture.waitForRefreshes(1, of: .starship)
        // The refresh is on its way (its latency was fixed when it arrived); the rest is quick.
        fixture.simulator.setLatency(0, for: .starship)
        let other = fixture.process()
        try other.store.remove(account: "gifts")
        let newLogin = try await fixture.login("gifts", "demo-pass-3")
        let renewed = try await renewal.value
        #expect(try other.store.load(account: "gifts") == newLogin)
        #expect(renewed == newLogin)
    }

    /// Logged out (and not back in) while the refresh ran: the logout stands.
    @Test func lateRenewalAfterLogoutDoesNotLogBackIn() async throws {
        let fixture = try SharedStoreFixture()
        _ = try await fixture.login("gifts", "demo-pass-3")
        fixture.clock.advance(by: 2 * 3600)
        fixture.simulator.setLatency(1, for: .starship)
        let slow = fixture.process()
        let renewal = Task { try await slow.validTokens(account: "gifts") }
        try await fixture.waitForRefreshes(1, of: .starship)
        try fixture.process().store.remove(account: "gifts")
        await #expect(throws: AuthError.cancelled) { try await renewal.value }
        #expect(try slow.store.load(account: "gifts") == nil)
    }

    /// Wikimedia allows a number of refreshes per refresh token, then answers 429 "Refresh
    /// tokens limit has been exceeded." for good: with a password source, log in again.
    @Test func refreshLimitFallsBackToALogin() async throws {
        let fixture = try SharedStoreFixture { $0.wikimediaRefreshLimit = 1 }
        let service = fixture.process()
        let first = try await service.validTokens(account: "wiki-env")
        fixture.clock.advance(by: 25 * 3600)
        let refreshed = try await service.validTokens(account: "wiki-env")
        #expect(refreshed.refreshToken == first.refreshToken)
        fixture.clock.advance(by: 25 * 3600)
        let before = fixture.simulator.tally(for: .wikimedia)
        let relogged = try await service.validTokens(account: "wiki-env")
        let after = fixture.simulator.tally(for: .wikimedia)
        #expect(after.refreshes == before.refreshes + 1)
        #expect(after.logins == before.logins + 1)
        #expect(relogged.refreshToken != first.refreshToken)
        #expect(try service.store.load(account: "wiki-env") == relogged)
    }

    /// The scheduler renews through the same renewer, so it falls back too.
    @Test func schedulerFallsBackToALoginAfterTheRefreshLimit() async throws {
        let fixture = try SharedStoreFixture { $0.wikimediaRefreshLimit = 0 }
        let service = fixture.process()
        _ = try await service.validTokens(account: "wiki-env")
        fixture.clock.advance(by: 25 * 3600)
        let events = await service.makeScheduler().tick(now: fixture.clock.now())
        #expect(events.contains { if case .finished(account: "wiki-env", _) = $0 { true } else { false } })
        #expect(try service.store.load(account: "wiki-env")?.isAccessValid(at: fixture.clock.now()) == true)
    }

    /// Without a password source a spent refresh token needs a person, not a retry.
    @Test func refreshLimitWithAPromptOnlyAccountAsksForALogin() async throws {
        let fixture = try SharedStoreFixture { $0.wikimediaRefreshLimit = 0 }
        _ = try await fixture.login("wiki", "demo-pass-4")
        fixture.clock.advance(by: 25 * 3600)
        await #expect(throws: AuthError.needsInteractiveLogin("Account wiki has used up the refreshes its refresh token allows; log in again.")) {
            try await fixture.process().validTokens(account: "wiki")
        }
    }

    /// A process stuck inside a renewal (here: this test holding the lock) makes the others
    /// wait a bounded time, then fail with a message that says what is going on.
    @Test func aHeldRenewalLockIsWaitedForABoundedTime() async throws {
        let fixture = try SharedStoreFixture()
        _ = try await fixture.login("gifts", "demo-pass-3")
        fixture.clock.advance(by: 2 * 3600)
        let store = TokenStore(directory: fixture.scratch.path)
        let held = try await store.lockRenewal(account: "gifts", timeout: 1)
        let renewer = TokenRenewer(store: store, authenticator: AuthClientAuthenticator(catalog: ProviderCatalog(), clock: fixture.clock),
                                   secrets: SecretResolver(), clock: fixture.clock, lockTimeout: 0.3)
        let account = try fixture.process().account(named: "gifts")
        let error = await authError { try await renewer.renew(account, replacing: nil) }
        #expect(error?.message.contains("another tokenman process has been renewing account gifts") == true)
        #expect(fixture.simulator.tally(for: .starship).refreshes == 0)
        withExtendedLifetime(held) {}
    }
}
