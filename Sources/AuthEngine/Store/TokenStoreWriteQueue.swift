import FoundationEssentials
import Synchronization

/// Coalesces concurrent `updateAsync` calls into one locked read-modify-write of `tokens.json`
/// ("group commit"). A refresh of every account used to rewrite, re-read and fsync the whole
/// store once per account, O(n²) bytes for n accounts; now the updates that arrive while one
/// write is under way are applied together, in arrival order, by the next one. Each body still
/// runs under the file lock on the tokens as they are at that instant (the bodies before it in
/// the same batch included), so compare-and-swap semantics are those of separate updates.
/// A caller is resumed only after the write that holds its change has been stored.
final class TokenStoreWriteQueue: Sendable {
    private struct Pending: Sendable {
        let account: String
        let apply: @Sendable (inout TokenSet?) -> Void
        let finish: @Sendable (TokenStoreError?) -> Void
    }

    private let passes = CoalescingPasses<Pending>(pause: TokenStoreWriteQueue.pause)

    /// Updates waiting for the next write (tests hold a write to see them coalesce).
    var waitingCount: Int { passes.waitingCount }

    func update<Result: Sendable>(
        account: String,
        in store: TokenStore,
        _ body: @escaping @Sendable (inout TokenSet?) -> Result
    ) async -> Swift.Result<Result, TokenStoreError> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Swift.Result<Result, TokenStoreError>, Never>) in
            let outcome = Mutex<Result?>(nil)
            let pending = Pending(
                account: account,
                apply: { tokens in
                    let result = body(&tokens)
                    outcome.withLock { $0 = result }
                },
                finish: { error in
                    if let error { return continuation.resume(returning: .failure(error)) }
                    guard let result = outcome.withLock({ $0 }) else {
                        return continuation.resume(returning: .failure(.io(path: store.filePath, operation: "update", reason: "not applied")))
                    }
                    continuation.resume(returning: .success(result))
                }
            )
            passes.add(pending) { batch in Self.write(batch, to: store) }
        }
    }

    /// While updates keep coming, a write waits up to 3x as long as the last one took (at
    /// most 100 ms) before it starts, so that it takes most of a burst's updates (see
    /// `BurstPause`). A write into a quiet store starts at once.
    static let pause = BurstPause(factor: 3, longest: 0.1, checks: 3)

    private static func write(_ batch: [Pending], to store: TokenStore) {
        do throws(TokenStoreError) {
            try store.updateEach(batch.map { ($0.account, $0.apply) })
            batch.forEach { $0.finish(nil) }
        } catch {
            batch.forEach { $0.finish(error) }
        }
    }
}
