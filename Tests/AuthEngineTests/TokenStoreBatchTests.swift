import Foundation
import Synchronization
import Testing
@testable import AuthEngine

/// Many accounts written at once (a refresh of all of them): coalesced writes, entries written
/// back as they were read, an unchanged file recognised without a new scan, renewals admitted
/// a few at a time.
@Suite struct TokenStoreBatchTests {
    @Test func concurrentUpdatesAllLandAndEachCallerGetsItsOwnResult() async throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        let writes = Shared(0)
        // The first write is held until the other updates wait behind it, so they must be
        // applied together (a busy cooperative pool could otherwise start the tasks one at a
        // time, each after the previous write, and nothing would be there to coalesce).
        _ = store.observeWrites {
            let count = writes.value.withLock { count -> Int in
                count += 1
                return count
            }
            guard count == 1 else { return }
            // The first write may hold more than one update (whatever had arrived when it began).
            let written = (try? TokenStore(directory: scratch.path).loadAll().count) ?? 0
            let deadline = Date().addingTimeInterval(60)
            while store.writeQueue.waitingCount < 200 - written, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        }
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let result = try? await store.updateAsync(account: "acct-\(index)") { tokens -> Int in
                        tokens = sampleTokens("access-\(index)")
                        return index
                    }
                    return (index, result == index)
                }
            }
            var all: [Int: Bool] = [:]
            for await (index, ok) in group { all[index] = ok }
            return all
        }
        #expect(results.count == 200 && results.values.allSatisfy { $0 })
        let stored = try TokenStore(directory: scratch.path).loadAll()
        #expect(stored.count == 200)
        #expect(stored["acct-7"]?.accessToken == "access-7")
        // Coalesced: fewer rewrites than updates (each update alone would be one write).
        #expect(writes.value.withLock { $0 } < 200)
    }

    /// Within one coalesced write each body still sees the tokens as the bodies before it left
    /// them: a compare-and-swap that lost is told so.
    @Test func coalescedUpdatesKeepCompareAndSwap() async throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("old"), account: "work")
        let swapped = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask {
                    (try? await store.updateAsync(account: "work") { tokens -> Bool in
                        guard tokens?.accessToken == "old" else { return false }
                        tokens = sampleTokens("new-\(index)")
                        return true
                    }) ?? false
                }
            }
            var count = 0
            for await won in group where won { count += 1 }
            return count
        }
        #expect(swapped == 1)
    }

    @Test func unchangedEntriesAreWrittenBackAsTheyWereRead() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("a"), account: "alpha")
        try store.save(sampleTokens("b"), account: "beta")
        // A hand-edited entry (other spacing) that still decodes: kept byte for byte.
        var text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"accessToken\" : \"a\"", with: "\"accessToken\":   \"a\"")
        try text.write(toFile: store.filePath, atomically: true, encoding: .utf8)
        chmod(store.filePath, 0o600)
        try store.save(sampleTokens("b2"), account: "beta")
        let written = try String(contentsOfFile: store.filePath, encoding: .utf8)
        #expect(written.contains("\"accessToken\":   \"a\""))
        let reread = try TokenStore(directory: scratch.path).loadAll()
        #expect(reread["alpha"] == sampleTokens("a"))
        #expect(reread["beta"] == sampleTokens("b2"))
    }

    /// The scan cache compares the file's bytes: a file another process replaced is read anew
    /// even when its size and timestamps could not tell the two apart.
    @Test func aReplacedFileIsReadAgainDespiteTheScanCache() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("first1"), account: "work")
        #expect(try store.load(account: "work")?.accessToken == "first1")
        try TokenStore(directory: scratch.path).save(sampleTokens("second"), account: "work")
        #expect(try store.load(account: "work")?.accessToken == "second")
    }

    /// The coalesced path keeps the store's rules for an entry this version cannot read: kept
    /// byte for byte by writes to other accounts, set aside once when new tokens replace it.
    @Test func coalescedWritesKeepAndSetAsideUnreadableEntries() async throws {
        let scratch = ScratchDirectory()
        _ = try TokenStoreEntryTests().storeWithABadEntry(scratch)
        let warnings = WarningSink()
        let store = TokenStore(directory: scratch.path, warn: warnings.append)
        let seen = try await store.updateAsync(account: "bad") { (tokens: inout TokenSet?) -> TokenSet? in tokens }
        #expect(seen == nil)
        try await store.updateAsync(account: "other") { $0 = sampleTokens("other") }
        try await store.updateAsync(account: "good") { $0 = nil }
        let text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        #expect(text.contains(TokenStoreEntryTests.badEntry))
        #expect(try store.loadAll() == ["other": sampleTokens("other")])
        #expect(warnings.messages.isEmpty)
        try await store.updateAsync(account: "bad") { $0 = sampleTokens("fresh") }
        try await store.updateAsync(account: "bad") { $0 = sampleTokens("fresher") }
        #expect(try store.load(account: "bad") == sampleTokens("fresher"))
        #expect(try TokenStoreTests.keptFiles(in: scratch, label: "unreadable").count == 1)
        #expect(warnings.messages.count == 1)
    }

    /// While updates keep coming, the next write waits (a multiple of how long the one before
    /// took, at most `pause.longest`, cut short once no more come) and takes every update that
    /// came meanwhile, so a burst costs a few writes instead of one core rewriting the store
    /// back to back.
    @Test func aWriteAfterABusyOneWaitsAndTakesWhatCameMeanwhile() async throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        let writes = Shared<[Date]>([])
        // The first write takes at least 50 ms (so the pause after it is the longest) and
        // lets go once the other updates wait behind it.
        _ = store.observeWrites {
            let count = writes.value.withLock { times -> Int in
                times.append(Date())
                return times.count
            }
            guard count == 1 else { return }
            let written = (try? TokenStore(directory: scratch.path).loadAll().count) ?? 0
            let deadline = Date().addingTimeInterval(60)
            while store.writeQueue.waitingCount < 50 - written, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask { try? await store.updateAsync(account: "acct-\(index)") { $0 = sampleTokens("access-\(index)") } }
            }
        }
        let times = writes.value.withLock { $0 }
        #expect(times.count == 2)
        if times.count == 2 {
            // All 49 waited before the pause began, so it ends at its first check.
            let step = TokenStoreWriteQueue.pause.longest / Double(TokenStoreWriteQueue.pause.checks)
            #expect(times[1].timeIntervalSince(times[0]) >= 0.05 + step - 0.01)
        }
        #expect(try store.loadAll().count == 50)
    }

    @Test func theGateAdmitsAtMostItsLimit() async {
        let gate = RenewalGate(limit: 3)
        let counts = Shared((running: 0, most: 0))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await gate.enter()
                    counts.value.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                    try? await Task.sleep(for: .milliseconds(5))
                    counts.value.withLock { $0.running -= 1 }
                    gate.leave()
                }
            }
        }
        #expect(counts.value.withLock { $0.most } == 3)
        #expect(counts.value.withLock { $0.running } == 0)
    }
}

/// A value tasks share.
private final class Shared<Value: Sendable>: Sendable {
    let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
}
