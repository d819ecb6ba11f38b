import Foundation
import Testing
@testable import AuthEngine
import ProviderSimulator

/// AccountService over real loopback HTTP against the provider simulator, with one manual
/// clock shared by the simulator and the engine.
final class ServiceFixture: @unchecked Sendable {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
    let simulator: ProviderSimulator
    let scratch = ScratchDirectory()
    let store: TokenStore
    let service: AccountService

    init(environment: [String: String] = [:], prompt: PasswordPrompt? = nil) throws {
        let clock = self.clock
        simulator = ProviderSimulator(configuration: SimulatorConfiguration(clock: { clock.now() }, output: { _ in }))
        _ = try simulator.start()
        store = TokenStore(directory: scratch.path)
        let accounts = [
            AccountConfig(name: "gifts", providerID: "starship", baseURL: simulator.baseURL(for: .starship), username: "demo"),
            AccountConfig(name: "gpu", providerID: "exabits", baseURL: simulator.baseURL(for: .exabits), username: "demo",
                          mode: .password(.environment("GPU_PW"))),
            AccountConfig(name: "wiki", providerID: "wikimedia", baseURL: simulator.baseURL(for: .wikimedia), username: "demo"),
            AccountConfig(name: "newbie", providerID: "wikimedia", baseURL: simulator.baseURL(for: .wikimedia), username: "newbie"),
            AccountConfig(name: "gpu-api", providerID: "exabits", mode: .apiToken(.environment("GPU_TOKEN"))),
        ]
        service = AccountService(
            config: TokenmanConfig(accounts: accounts),
            store: store,
            secrets: SecretResolver(environment: environment, prompt: prompt),
            clock: clock
        )
    }

    deinit { simulator.stop() }

    func loggedIn(_ outcome: AccountLoginOutcome) -> TokenSet? {
        if case .loggedIn(let tokens) = outcome { return tokens }
        return nil
    }
}

@Suite struct AccountServiceTests {
    @Test func loginStoresTokensAndCachedTokensNeedNoRequest() async throws {
        let fixture = try ServiceFixture()
        let tokens = try #require(fixture.loggedIn(try await fixture.service.login(account: "gifts", password: "demo-pass-3")))
        #expect(try fixture.store.load(account: "gifts") == tokens)
        let requests = fixture.simulator.requestCount(for: .starship)
        #expect(try await fixture.service.validTokens(account: "gifts", minValid: 60) == tokens)
        #expect(fixture.simulator.requestCount(for: .starship) == requests)
        let status = try fixture.service.status().first { $0.account == "gifts" }
        #expect(status?.state == .valid)
        #expect((status?.accessSecondsLeft ?? 0) > 3000)
    }

    @Test func wrongPasswordStoresNothing() async throws {
        let fixture = try ServiceFixture()
        await #expect(throws: AuthError.self) {
            try await fixture.service.login(account: "gifts", password: "nope")
        }
        #expect(try fixture.store.load(account: "gifts") == nil)
        #expect(try fixture.service.status().first?.state == .loggedOut)
    }

    @Test func expiredAccessTokenIsRefreshedAndTheRotationStored() async throws {
        let fixture = try ServiceFixture()
        let first = try #require(fixture.loggedIn(try await fixture.service.login(account: "gifts", password: "demo-pass-3")))
        fixture.clock.advance(by: 2 * 3600)
        #expect(try fixture.service.status().first?.state == .expired)
        let renewed = try await fixture.service.validTokens(account: "gifts", minValid: 60)
        #expect(renewed.accessToken != first.accessToken)
        #expect(renewed.refreshToken != first.refreshToken)
        #expect(try fixture.store.load(account: "gifts") == renewed)
    }

    @Test func failedRefreshKeepsTheStoredTokens() async throws {
        let fixture = try ServiceFixture()
        let first = try #require(fixture.loggedIn(try await fixture.service.login(account: "gifts", password: "demo-pass-3")))
        fixture.clock.advance(by: 2 * 3600)
        fixture.simulator.setFault(.serverError(status: 503), for: .starship)
        await #expect(throws: AuthError.self) {
            try await fixture.service.validTokens(account: "gifts")
        }
        #expect(try fixture.store.load(account: "gifts") == first)
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let fixture = try ServiceFixture()
        _ = try await fixture.service.login(account: "gifts", password: "demo-pass-3")
        fixture.clock.advance(by: 2 * 3600)
        fixture.simulator.setLatency(0.2, for: .starship)
        let before = fixture.simulator.requestCount(for: .starship)
        let service = fixture.service
        async let first = service.validTokens(account: "gifts")
        async let second = service.validTokens(account: "gifts")
        let (a, b) = try await (first, second)
        #expect(a == b)
        #expect(fixture.simulator.requestCount(for: .starship) == before + 1)
    }

    @Test func loggedOutExabitsAccountLogsInWithItsEnvironmentPassword() async throws {
        let fixture = try ServiceFixture(environment: ["GPU_PW": "demo-pass-2"])
        let tokens = try await fixture.service.validTokens(account: "gpu")
        #expect(try fixture.store.load(account: "gpu") == tokens)
        // Exabits has no refresh endpoint: after expiry it logs in again.
        fixture.clock.advance(by: 3 * 3600)
        let again = try await fixture.service.validTokens(account: "gpu")
        #expect(again.accessToken != tokens.accessToken)
    }

    @Test func promptAccountWithoutAPersonNeedsInteractiveLogin() async throws {
        let fixture = try ServiceFixture()
        await #expect(throws: AuthError.needsInteractiveLogin("Account wiki is not logged in; log in again.")) {
            try await fixture.service.validTokens(account: "wiki")
        }
    }

    @Test func promptIsUsedWhenInteractive() async throws {
        let fixture = try ServiceFixture(prompt: { _ throws(AuthError) in "demo-pass-4" })
        let tokens = try await fixture.service.validTokens(account: "wiki", interactive: true)
        #expect(try fixture.store.load(account: "wiki") == tokens)
    }

    @Test func newPasswordChallengeIsAnsweredAndStored() async throws {
        let fixture = try ServiceFixture()
        let outcome = try await fixture.service.login(account: "newbie", password: "temp-pass-5")
        guard case .challenge(let challenge) = outcome else {
            Issue.record("expected a challenge, got \(outcome)")
            return
        }
        #expect(try fixture.store.load(account: "newbie") == nil)
        let tokens = try await fixture.service.answerChallenge(account: "newbie", challenge: challenge, newPassword: "brand-new-pass")
        #expect(try fixture.store.load(account: "newbie") == tokens)
    }

    @Test func logoutEndsTheSessionAndForgetsTheTokens() async throws {
        let fixture = try ServiceFixture()
        let tokens = try #require(fixture.loggedIn(try await fixture.service.login(account: "gifts", password: "demo-pass-3")))
        try await fixture.service.logout(account: "gifts")
        #expect(try fixture.store.load(account: "gifts") == nil)
        // The provider no longer accepts the old refresh token.
        let authenticator = AuthClientAuthenticator(catalog: ProviderCatalog(), clock: fixture.clock)
        await #expect(throws: AuthError.self) {
            try await authenticator.refresh(fixture.service.account(named: "gifts"), tokens: tokens)
        }
    }

    @Test func logoutThatCannotReachTheProviderKeepsTheTokens() async throws {
        let fixture = try ServiceFixture()
        let tokens = try #require(fixture.loggedIn(try await fixture.service.login(account: "gifts", password: "demo-pass-3")))
        fixture.simulator.setFault(.serverError(status: 500), for: .starship)
        await #expect(throws: AuthError.self) { try await fixture.service.logout(account: "gifts") }
        #expect(try fixture.store.load(account: "gifts") == tokens)
        try await fixture.service.logout(account: "gifts", forgetOnFailure: true)
        #expect(try fixture.store.load(account: "gifts") == nil)
    }

    @Test func apiTokenAccountsUseTheirSecretAndAreNotStored() async throws {
        let fixture = try ServiceFixture(environment: ["GPU_TOKEN": "long-lived"])
        let tokens = try await fixture.service.validTokens(account: "gpu-api")
        #expect(tokens.accessToken == "long-lived")
        #expect(tokens.accessExpirySource == .never)
        #expect(try fixture.store.loadAll().isEmpty)
        #expect(try fixture.service.status().first { $0.account == "gpu-api" }?.state == .apiToken)
    }

    @Test func unknownAccountIsNamed() async throws {
        let fixture = try ServiceFixture()
        await #expect(throws: AuthError.unsupported("No account named \"nope\" (configured: gifts, gpu, wiki, newbie, gpu-api).")) {
            try await fixture.service.validTokens(account: "nope")
        }
    }
}
