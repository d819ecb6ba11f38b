import FoundationEssentials
import Dispatch
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

    private func flush(_ store: TokenStore) {
        while true {
            let batch = state.withLock { state in
                let batch = state.queue
                state.queue = []
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do throws(TokenStoreError) {
                try store.updateEach(batch.map { ($0.account, $0.apply) })
                batch.forEach { $0.finish(nil) }
            } catch {
                batch.forEach { $0.finish(error) }
            }
        }
    }
}
