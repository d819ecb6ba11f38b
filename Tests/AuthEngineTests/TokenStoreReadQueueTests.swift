import Foundation
import Synchronization
import Testing
@testable import AuthEngine

/// Loads of many accounts at once (every renewal reads its account under its renewal lock):
/// the loads that wait for a read are answered by one, each with its own account, and never by
/// a read that began before the load was asked for.
@Suite struct TokenStoreReadQueueTests {
    @Test func loadsThatWaitShareOneReadAndEachGetsItsOwnAccount() async throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.updateAll { accounts in
            for index in 0..<100 { accounts["acct-\(index)"] = sampleTokens("access-\(index)") }
        }
        holdFirstRead(of: store, until: 100)
        let seen = await withTaskGroup(of: Loaded.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let tokens = try? await store.loadAsync(account: "acct-\(index)")
                    return Loaded(index: index, tokens: tokens)
                }
            }
            var all: [Int: TokenSet] = [:]
            for await loaded in group { all[loaded.index] = loaded.tokens }
            return all
        }
        #expect(seen.count == 100)
        #expect((0..<100).allSatisfy { seen[$0] == sampleTokens("access-\($0)") })
        #expect(store.readQueue.readCount == 2)
    }

    /// A load is answered by a read that began after it was asked for: one asked for while a
    /// read is under way waits for the next, and so sees what another process stored meanwhile.
    @Test func aLoadAskedForDuringAReadWaitsForTheNextOne() async throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        let otherProcess = TokenStore(directory: scratch.path)
        try otherProcess.save(sampleTokens("old"), account: "work")
        // The first read is held after reading until the other process has stored new tokens
        // and the second load waits.
        let firstRead = Shared(false)
        store.readQueue.afterRead.withLock {
            $0 = { _ in
                guard !firstRead.value.withLock({ read in defer { read = true }; return read }) else { return }
                let deadline = Date().addingTimeInterval(60)
                while store.readQueue.waitingCount < 1, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            }
        }
        let first = Task { try await store.loadAsync(account: "work") }
        while !firstRead.value.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        try otherProcess.save(sampleTokens("new"), account: "work")
        let second = try await store.loadAsync(account: "work")
        #expect(try await first.value?.accessToken == "old")
        #expect(second?.accessToken == "new")
        #expect(store.readQueue.readCount == 2)
    }

    /// An entry this version cannot read fails its own load only, also within a shared read.
    @Test func anUnreadableEntryFailsOnlyItsOwnLoad() async throws {
        let scratch = ScratchDirectory()
        let store = try TokenStoreEntryTests().storeWithABadEntry(scratch)
        holdFirstRead(of: store, until: 3)
        async let bad = load("bad", from: store)
        async let good = load("good", from: store)
        async let missing = load("missing", from: store)
        let results = await [bad, good, missing]
        guard case .failure(.storage(let message)) = results[0] else {
            Issue.record("expected a storage error, got \(String(describing: results[0]))")
            return
        }
        #expect(message.contains("unreadable") && message.contains("bad"))
        #expect(try results[1].get() == sampleTokens("good"))
        #expect(try results[2].get() == nil)
        #expect(store.readQueue.readCount <= 2)
    }

    /// Holds the store's first read until the other loads of `total` wait behind it.
    private func holdFirstRead(of store: TokenStore, until total: Int) {
        let held = Shared(false)
        store.readQueue.afterRead.withLock {
            $0 = { batch in
                guard !held.value.withLock({ held in defer { held = true }; return held }) else { return }
                let deadline = Date().addingTimeInterval(60)
                while store.readQueue.waitingCount < total - batch, Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.01)
                }
            }
        }
    }

    private func load(_ account: String, from store: TokenStore) async -> Result<TokenSet?, AuthError> {
        do throws(AuthError) {
            let tokens = try await store.loadAsync(account: account)
            return .success(tokens)
        } catch {
            return .failure(error)
        }
    }
}

private struct Loaded: Sendable {
    let index: Int
    let tokens: TokenSet?
}

/// A value tasks share.
private final class Shared<Value: Sendable>: Sendable {
    let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
}
