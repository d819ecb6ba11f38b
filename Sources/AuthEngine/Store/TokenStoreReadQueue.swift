import FoundationEssentials
import Synchronization

/// Coalesces concurrent `loadAsync` calls into one read of `tokens.json`, the way
/// `TokenStoreWriteQueue` coalesces writes. Every renewal reads its account under its renewal
/// lock, to see what another process stored meanwhile; a refresh of many accounts read the whole
/// store once per account for that. Now the loads that arrive while a read is under way are
/// answered together by the next one.
///
/// Each caller still gets a read that began after it asked (the batch is taken before the file
/// is opened), so whatever was stored before the call, by any process, is in its answer: the
/// same guarantee as a read of its own.
final class TokenStoreReadQueue: Sendable {
    private struct Pending: Sendable {
        let account: String
        let finish: @Sendable (Result<TokenSet?, TokenStoreError>) -> Void
    }

    private let passes = CoalescingPasses<Pending>(pause: TokenStoreReadQueue.pause)
    /// Runs after each read, before its loads are answered, with their number (tests hold a
    /// read there to see the loads behind it coalesce, and to store between a read and them).
    let afterRead = Mutex<(@Sendable (Int) -> Void)?>(nil)

    /// Loads waiting for the next read.
    var waitingCount: Int { passes.waitingCount }
    /// Reads made so far.
    var readCount: Int { passes.passCount }

    func load(account: String, in store: TokenStore) async -> Result<TokenSet?, TokenStoreError> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<TokenSet?, TokenStoreError>, Never>) in
            let pending = Pending(account: account, finish: { continuation.resume(returning: $0) })
            passes.add(pending) { batch in self.read(batch, from: store) }
        }
    }

    /// While loads keep coming, a read waits up to 3x as long as the last one took (at most
    /// 10 ms) before it starts (see `BurstPause`): renewals take their locks one after the other,
    /// and reading at once read the store for every one or two of them. A load in a quiet
    /// moment is read at once.
    static let pause = BurstPause(factor: 3, longest: 0.01, checks: 3)

    private func read(_ batch: [Pending], from store: TokenStore) {
        let results = store.load(accounts: batch.map(\.account))
        afterRead.withLock { $0 }?(batch.count)
        for (pending, result) in zip(batch, results) { pending.finish(result) }
    }
}
