import Foundation
import Testing
@testable import AuthEngine

/// Each test builds a store in a scratch directory, a scripted provider and a manual clock.
struct SchedulerFixture {
    let scratch = ScratchDirectory()
    let store: TokenStore
    let provider = ScriptedAuthenticator()
    let clock = ManualClock(referenceDate)
    let renewer: TokenRenewer
    let scheduler: RefreshScheduler

    init(accounts: [AccountConfig], environment: [String: String] = [:], policy: RefreshPolicy = RefreshPolicy(lead: 120)) {
        store = TokenStore(directory: scratch.path)
        renewer = TokenRenewer(store: store, authenticator: provider, secrets: SecretResolver(environment: environment), clock: clock)
        scheduler = RefreshScheduler(accounts: accounts, store: store, renewer: renewer, clock: clock, policy: policy)
    }

    /// Moves the clock (which the renewer reads) and ticks at the same instant.
    @discardableResult
    func tick(at now: Date) async -> [RefreshEvent] {
        clock.set(now)
        return await scheduler.tick(now: now)
    }
}

let starship = AccountConfig(name: "gifts", providerID: "starship", username: "alice")
let starshipWithEnv = AccountConfig(name: "gifts", providerID: "starship", username: "alice", mode: .password(.environment("GIFTS_PW")))
let exabitsWithEnv = AccountConfig(name: "gpu", providerID: "exabits", username: "bob", mode: .password(.environment("GPU_PW")))

@Suite struct RefreshSchedulerTests {
    @Test func nothingHappensBeforeExpiryMinusLead() async throws {
        let fixture = SchedulerFixture(accounts: [starship])
        try fixture.store.save(sampleTokens(), account: "gifts") // access expires at t0 + 900
        #expect(await fixture.tick(at: referenceDate + 779).isEmpty)
        #expect(fixture.provider.calls.isEmpty)
        #expect(await fixture.scheduler.nextWake(now: referenceDate) == referenceDate + 780)
    }

    @Test func refreshesAtExpiryMinusLeadAndStoresTheRotatedToken() async throws {
        let fixture = SchedulerFixture(accounts: [starship])
        try fixture.store.save(sampleTokens(), account: "gifts")
        let rotated = sampleTokens("access-2", refresh: "refresh-2", obtainedAt: referenceDate + 780)
        fixture.provider.answerRefresh(.success(rotated))

        let events = await fixture.tick(at: referenceDate + 780)

        #expect(events == [.started(account: "gifts", path: .refresh), .finished(account: "gifts", tokens: rotated)])
        #expect(fixture.provider.calls == [.refresh(account: "gifts", refreshToken: "refresh-1")])
        #expect(try fixture.store.load(account: "gifts") == rotated)
        #expect(await fixture.scheduler.nextWake(now: referenceDate + 780) == referenceDate + 780 + 780)
    }

    @Test func refreshWithoutNewRefreshTokenKeepsTheOldOne() async throws {
        let fixture = SchedulerFixture(accounts: [starship])
        try fixture.store.save(sampleTokens(), account: "gifts")
        let accessOnly = sampleTokens("access-2", refresh: nil, obtainedAt: referenceDate + 780, refreshLifetime: nil)
        fixture.provider.answerRefresh(.success(accessOnly))
        await fixture.tick(at: referenceDate + 780)
        let stored = try fixture.store.load(account: "gifts")
        #expect(stored?.accessToken == "access-2")
        #expect(stored?.refreshToken == "refresh-1")
        #expect(stored?.refreshExpiresAt == referenceDate + 7200)
    }

    @Test func expiredRefreshTokenMeansReloginWithTheEnvironmentPassword() async throws {
        let fixture = SchedulerFixture(accounts: [starshipWithEnv], environment: ["GIFTS_PW": "pw-from-env"])
        try fixture.store.save(sampleTokens(refreshLifetime: 600), account: "gifts")
        let fresh = sampleTokens("access-2", refresh: "refresh-2", obtainedAt: referenceDate + 800)
        fixture.provider.answerLogin(.success(.loggedIn(fresh)))

        let events = await fixture.tick(at: referenceDate + 800)

        #expect(events == [.started(account: "gifts", path: .relogin), .finished(account: "gifts", tokens: fresh)])
        #expect(fixture.provider.calls == [.login(account: "gifts", password: "pw-from-env")])
        #expect(try fixture.store.load(account: "gifts") == fresh)
    }

    @Test func refusedRefreshTokenFallsBackToRelogin() async throws {
        let fixture = SchedulerFixture(accounts: [starshipWithEnv], environment: ["GIFTS_PW": "pw"])
        try fixture.store.save(sampleTokens(), account: "gifts")
        fixture.provider.answerRefresh(.failure(.tokenRejected("Invalid refresh token")))
        let fresh = sampleTokens("access-2", obtainedAt: referenceDate + 800)
        fixture.provider.answerLogin(.success(.loggedIn(fresh)))
        let events = await fixture.tick(at: referenceDate + 800)
        #expect(events.last == .finished(account: "gifts", tokens: fresh))
        #expect(fixture.provider.calls == [
            .refresh(account: "gifts", refreshToken: "refresh-1"), .login(account: "gifts", password: "pw"),
        ])
    }

    @Test func exabitsHasNoRefreshEndpointSoItLogsInAgain() async throws {
        let fixture = SchedulerFixture(accounts: [exabitsWithEnv], environment: ["GPU_PW": "gpu-pw"])
        try fixture.store.save(sampleTokens(accessLifetime: 1800), account: "gpu")
        let fresh = sampleTokens("access-2", obtainedAt: referenceDate + 1680, accessLifetime: 1800)
        fixture.provider.answerLogin(.success(.loggedIn(fresh)))
        let events = await fixture.tick(at: referenceDate + 1680)
        #expect(events == [.started(account: "gpu", path: .relogin), .finished(account: "gpu", tokens: fresh)])
        #expect(fixture.provider.calls == [.login(account: "gpu", password: "gpu-pw")])
    }

    @Test func promptOnlyAccountIsReportedAndLeftAlone() async throws {
        let fixture = SchedulerFixture(accounts: [starship])
        let tokens = sampleTokens(refreshLifetime: 600)
        try fixture.store.save(tokens, account: "gifts")
        let events = await fixture.tick(at: referenceDate + 800)
        #expect(events == [
            .started(account: "gifts", path: .interactive),
            .needsLogin(account: "gifts", reason: "Account gifts has no usable refresh token; log in again."),
        ])
        #expect(fixture.provider.calls.isEmpty)
        #expect(await fixture.tick(at: referenceDate + 900).isEmpty)
        #expect(try fixture.store.load(account: "gifts") == tokens)
        // A login elsewhere (new tokens in the store) brings the account back into the schedule.
        try fixture.store.save(sampleTokens("new", obtainedAt: referenceDate + 1000), account: "gifts")
        #expect(await fixture.scheduler.nextWake(now: referenceDate + 1000) == referenceDate + 1780)
    }

    @Test func failuresBackOffExponentiallyUpToTheCapAndKeepTheTokens() async throws {
        let policy = RefreshPolicy(lead: 120, initialBackoff: 5, maxBackoff: 20)
        let fixture = SchedulerFixture(accounts: [starship], policy: policy)
        let tokens = sampleTokens()
        try fixture.store.save(tokens, account: "gifts")
        var now = referenceDate + 780
        var waits: [TimeInterval] = []
        for _ in 0..<4 {
            fixture.provider.answerRefresh(.failure(.serverError(status: 503, message: "")))
            let events = await fixture.tick(at: now)
            guard case .failed(_, let error, let retryAt)? = events.last else {
                Issue.record("expected a failure, got \(events)")
                return
            }
            #expect(error == .serverError(status: 503, message: ""))
            waits.append(retryAt.timeIntervalSince(now))
            #expect(await fixture.tick(at: retryAt - 1).isEmpty)
            now = retryAt
        }
        #expect(waits == [5, 10, 20, 20])
        #expect(fixture.provider.calls.count == 4)
        #expect(try fixture.store.load(account: "gifts") == tokens)
    }

    @Test func rateLimitHonoursRetryAfter() async throws {
        let fixture = SchedulerFixture(accounts: [starship])
        try fixture.store.save(sampleTokens(), account: "gifts")
        fixture.provider.answerRefresh(.failure(.rateLimited(retryAfter: 42, message: "slow down")))
        let events = await fixture.tick(at: referenceDate + 780)
        #expect(events.last == .failed(account: "gifts", error: .rateLimited(retryAfter: 42, message: "slow down"), retryAt: referenceDate + 822))
        #expect(await fixture.scheduler.nextWake(now: referenceDate + 781) == referenceDate + 822)
        #expect(await fixture.tick(at: referenceDate + 821).isEmpty)
    }

    @Test func wrongStoredPasswordIsNotRetried() async throws {
        let fixture = SchedulerFixture(accounts: [exabitsWithEnv], environment: ["GPU_PW": "old"])
        try fixture.store.save(sampleTokens(), account: "gpu")
        fixture.provider.answerLogin(.failure(.wrongCredentials("Incorrect username or password.")))
        let events = await fixture.tick(at: referenceDate + 800)
        #expect(events.last == .needsLogin(account: "gpu", reason: "Incorrect username or password."))
        #expect(await fixture.tick(at: referenceDate + 5000).isEmpty)
        #expect(fixture.provider.calls.count == 1)
    }

    @Test func twoConcurrentRenewalsMakeOneRequest() async throws {
        let fixture = SchedulerFixture(accounts: [starship])
        let old = sampleTokens()
        try fixture.store.save(old, account: "gifts")
        fixture.provider.refreshDelay = 0.3
        let rotated = sampleTokens("access-2", refresh: "refresh-2", obtainedAt: referenceDate + 800)
        fixture.provider.answerRefresh(.success(rotated))
        let renewer = fixture.renewer
        async let first = renewer.renew(starship, replacing: old)
        async let second = renewer.renew(starship, replacing: old)
        async let fromScheduler = fixture.tick(at: referenceDate + 800)
        let results = try await [first, second]
        _ = await fromScheduler
        #expect(results == [rotated, rotated])
        #expect(fixture.provider.calls == [.refresh(account: "gifts", refreshToken: "refresh-1")])
    }

    @Test func leadLongerThanTheLifetimeDoesNotRenewInALoop() async throws {
        let fixture = SchedulerFixture(accounts: [starship], policy: RefreshPolicy(lead: 3600))
        try fixture.store.save(sampleTokens(accessLifetime: 900), account: "gifts")
        #expect(await fixture.scheduler.nextWake(now: referenceDate) == referenceDate + 450)
    }

    @Test func eventsAreAlsoStreamed() async throws {
        let fixture = SchedulerFixture(accounts: [starship])
        try fixture.store.save(sampleTokens(), account: "gifts")
        let rotated = sampleTokens("access-2", obtainedAt: referenceDate + 780)
        fixture.provider.answerRefresh(.success(rotated))
        await fixture.tick(at: referenceDate + 780)
        var iterator = fixture.scheduler.events.makeAsyncIterator()
        #expect(await iterator.next() == .started(account: "gifts", path: .refresh))
        #expect(await iterator.next() == .finished(account: "gifts", tokens: rotated))
    }
}
