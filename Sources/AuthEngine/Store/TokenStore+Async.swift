import FoundationEssentials
import Dispatch

/// Async access for the engine's actors: the store's calls block on `flock` and `fsync`,
/// which must not hold up a thread of Swift's small cooperative pool (the TUI's effects and
/// the scheduler share it), so they run on a Dispatch worker instead.
extension TokenStore {
    /// `load(account:)`, coalesced with the other loads waiting at the same moment (see
    /// `TokenStoreReadQueue`).
    func loadAsync(account: String) async throws(AuthError) -> TokenSet? {
        switch await readQueue.load(account: account, in: self) {
        case .success(let tokens): return tokens
        case .failure(let error): throw .storage(error.description)
        }
    }

    func snapshotAsync() async throws(AuthError) -> TokenStoreSnapshot {
        try await offload { () throws(TokenStoreError) in try self.snapshot() }
    }

    func updateAsync<Result: Sendable>(
        account: String,
        _ body: @escaping @Sendable (inout TokenSet?) -> Result
    ) async throws(AuthError) -> Result {
        switch await writeQueue.update(account: account, in: self, body) {
        case .success(let result): return result
        case .failure(let error): throw .storage(error.description)
        }
    }

    /// Holds `account`'s renewal lock (see `RenewalLock`) until the returned value is released,
    /// waiting at most `timeout` seconds, suspended, for another process to finish its renewal.
    func lockRenewal(account: String, timeout: TimeInterval) async throws(AuthError) -> AdvisoryFileLock {
        do {
            if let warning = try PrivateDirectory.ensure(directory) { warn(warning) }
        } catch {
            throw .storage(error.description)
        }
        return try await RenewalLock.acquire(account: account, directory: directory, timeout: timeout)
    }

    private func offload<Value: Sendable>(
        _ work: @escaping @Sendable () throws(TokenStoreError) -> Value
    ) async throws(AuthError) -> Value {
        let result: Result<Value, TokenStoreError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(TokenStoreError) in try work() })
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw .storage(error.description)
        }
    }
}
