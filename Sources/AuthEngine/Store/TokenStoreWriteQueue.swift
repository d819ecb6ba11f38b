import Foundation
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

    private let state = Mutex<(queue: [Pending], flushing: Bool)>(([], false))

    /// Updates waiting for the next write (tests hold a write to see them coalesce).
    var waitingCount: Int { state.withLock { $0.queue.count } }

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
            let startsFlush = state.withLock { state in
                state.queue.append(pending)
                guard !state.flushing else { return false }
                state.flushing = true
                return true
            }
            // Off the cooperative pool: the write blocks on flock and fsync.
            if startsFlush { DispatchQueue.global().async { self.flush(store) } }
        }
    }

    /// While updates keep coming, a write waits up to this many times as long as the last write
    /// took before it starts: a refresh of 1,000 accounts otherwise rewrote the whole store back
    /// to back (85 writes of 1.2 MB each, one core busy with them), each taking the few updates
    /// that came in during the one before. Now the writes hold most of a burst's updates and
    /// take at most a quarter of the time. A write into a quiet store starts at once.
    static let pauseFactor = 3.0
    /// The longest such pause (a write held up by a slow disk must not hold the next one long).
    static let longestPause = 0.1
    /// The pause is cut short, checked this many times, once no update came since the last
    /// check: at the end of a burst, waiting longer would only delay the last callers.
    static let pauseChecks = 3

    private func flush(_ store: TokenStore) {
        let batch = state.withLock { state in
            let batch = state.queue
            state.queue = []
            if batch.isEmpty { state.flushing = false }
            return batch
        }
        guard !batch.isEmpty else { return }
        let started = DispatchTime.now()
        do throws(TokenStoreError) {
            try store.updateEach(batch.map { ($0.account, $0.apply) })
            batch.forEach { $0.finish(nil) }
        } catch {
            batch.forEach { $0.finish(error) }
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let waiting = state.withLock { state in
            if state.queue.isEmpty { state.flushing = false }
            return state.queue.count
        }
        guard waiting > 0 else { return }
        let step = min(Self.longestPause, took * Self.pauseFactor) / Double(Self.pauseChecks)
        pause(store, checksLeft: Self.pauseChecks, step: step, waiting: waiting)
    }

    /// Writes after `step` if no update came during it or this was the last check, else waits
    /// another step.
    private func pause(_ store: TokenStore, checksLeft: Int, step: Double, waiting: Int) {
        DispatchQueue.global().asyncAfter(deadline: .now() + step) {
            let now = self.waitingCount
            guard checksLeft > 1, now > waiting else { return self.flush(store) }
            self.pause(store, checksLeft: checksLeft - 1, step: step, waiting: now)
        }
    }
}
