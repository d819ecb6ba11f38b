import Foundation
import Synchronization
import Testing
@testable import AuthEngine

/// Many renewals at once (a refresh of every account): a bounded number of requests, and the
/// renewals whose answers are in wait for their store write without holding a request's place.
@Suite struct RenewalConcurrencyTests {
    /// `count` accounts with stored tokens ("old-" and the name) and a provider that answers
    /// each refresh with "new" after 20 ms, and a renewer with the given limits.
    static func renewals(
        of count: Int, in scratch: ScratchDirectory, concurrentRenewals: Int, concurrentRequests: Int
    ) throws -> (TokenStore, ScriptedAuthenticator, [AccountConfig], TokenRenewer) {
        let store = TokenStore(directory: scratch.path)
        let provider = ScriptedAuthenticator()
        provider.refreshDelay = 0.02
        let accounts = (0..<count).map { AccountConfig(name: "acct-\($0)", providerID: "starship", username: "alice") }
        try store.updateAll { stored in
            for account in accounts { stored[account.name] = sampleTokens("old-\(account.name)") }
        }
        for _ in accounts { provider.answerRefresh(.success(sampleTokens("new", refresh: "refresh-2"))) }
        let renewer = TokenRenewer(
            store: store, authenticator: provider, secrets: SecretResolver(), clock: ManualClock(referenceDate),
            concurrentRenewals: concurrentRenewals, concurrentRequests: concurrentRequests
        )
        return (store, provider, accounts, renewer)
    }

    @Test func renewalsWaitingForTheirWriteLeaveTheRequestsGoing() async throws {
        let scratch = ScratchDirectory()
        let (store, provider, accounts, renewer) = try Self.renewals(of: 12, in: scratch, concurrentRenewals: 12, concurrentRequests: 3)
        // The first write is held until every request has gone out (bounded, for a failure).
        let everyRequestBeforeTheWrite = Shared<Bool?>(nil)
        _ = store.observeWrites {
            guard everyRequestBeforeTheWrite.value.withLock({ $0 == nil }) else { return }
            let deadline = Date().addingTimeInterval(10)
            while provider.calls.count < accounts.count, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            everyRequestBeforeTheWrite.value.withLock { $0 = provider.calls.count == accounts.count }
        }
        let renewed = await withTaskGroup(of: Bool.self) { group in
            for account in accounts {
                group.addTask {
                    let tokens = try? await renewer.renew(account, replacing: sampleTokens("old-\(account.name)"), minValid: .infinity)
                    return tokens?.accessToken == "new"
                }
            }
            var count = 0
            for await done in group where done { count += 1 }
            return count
        }
        #expect(renewed == accounts.count)
        #expect(everyRequestBeforeTheWrite.value.withLock { $0 } == true)
        #expect(provider.mostRefreshesAtOnce <= 3)
        #expect(try store.loadAll().values.allSatisfy { $0.accessToken == "new" })
    }

    /// The renewals themselves stay bounded: each holds its account's lock file until stored.
    @Test func renewalsUnderWayStayWithinTheirLimit() async throws {
        let scratch = ScratchDirectory()
        let (_, provider, accounts, renewer) = try Self.renewals(of: 10, in: scratch, concurrentRenewals: 2, concurrentRequests: 5)
        let renewed = await withTaskGroup(of: Bool.self) { group in
            for account in accounts {
                group.addTask { (try? await renewer.renew(account, replacing: sampleTokens("old-\(account.name)"), minValid: .infinity)) != nil }
            }
            var count = 0
            for await done in group where done { count += 1 }
            return count
        }
        #expect(renewed == accounts.count)
        #expect(provider.mostRefreshesAtOnce <= 2)
    }
}

/// A value tasks share.
private final class Shared<Value: Sendable>: Sendable {
    let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
}
