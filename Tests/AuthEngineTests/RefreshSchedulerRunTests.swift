import Foundation
import Testing
@testable import AuthEngine

/// `run()` in real time: it sleeps while nothing is due and wakes at once on a nudge.
@Suite struct RefreshSchedulerRunTests {
    private func eventually(within seconds: Double = 10, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date() + seconds
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return await condition()
    }

    /// Tokens whose access token expired at the fixture's clock: due now.
    private let expired = sampleTokens(obtainedAt: referenceDate - 900)
    private let rotated = sampleTokens("access-2", refresh: "refresh-2", obtainedAt: referenceDate)

    @Test func doesNotTickWithoutWorkAndRenewsRightAfterANudge() async throws {
        let fixture = SchedulerFixture(accounts: [starship], policy: RefreshPolicy(lead: 120, maxSleep: 600))
        try fixture.store.save(sampleTokens(), account: "gifts") // due at t0 + 780, in 13 minutes
        let runner = Task { await fixture.scheduler.run() }
        #expect(await eventually { await fixture.scheduler.tickCount == 1 })
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(await fixture.scheduler.tickCount == 1) // the old bridge would have ticked twice more
        #expect(fixture.provider.calls.isEmpty)

        // Another process logs in (a store instance of its own: no write notification here).
        fixture.provider.answerRefresh(.success(rotated))
        try TokenStore(directory: fixture.store.directory).save(expired, account: "gifts")
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(fixture.provider.calls.isEmpty) // still asleep
        fixture.scheduler.nudge()
        #expect(await eventually { fixture.provider.calls == [.refresh(account: "gifts", refreshToken: "refresh-1")] })
        #expect(await eventually { (try? fixture.store.load(account: "gifts")) == rotated })

        // Cancelling ends the 10-minute sleep at once.
        let cancelled = Date()
        runner.cancel()
        await runner.value
        #expect(Date().timeIntervalSince(cancelled) < 5)
    }

    @Test func aWriteThroughTheStoreWakesIt() async throws {
        let fixture = SchedulerFixture(accounts: [starship], policy: RefreshPolicy(lead: 120, maxSleep: 600))
        let runner = Task { await fixture.scheduler.run() }
        defer { runner.cancel() }
        #expect(await eventually { await fixture.scheduler.tickCount == 1 })
        fixture.provider.answerRefresh(.success(rotated))
        try fixture.store.save(expired, account: "gifts") // a login in the TUI, through the same store
        #expect(await eventually { fixture.provider.calls == [.refresh(account: "gifts", refreshToken: "refresh-1")] })
        // The renewal's own write nudges once more; then it sleeps (the new token is due in 13 min).
        try await Task.sleep(nanoseconds: 500_000_000)
        let settled = await fixture.scheduler.tickCount
        #expect(settled <= 3)
        try await Task.sleep(nanoseconds: 1_000_000_000)
        #expect(await fixture.scheduler.tickCount == settled)
    }
}
