import Dispatch
import FoundationEssentials

/// The narrow reads of the refresh scheduler and the TUI. The scheduler's two, off Swift's cooperative pool (the store blocks on
/// `read`; see `TokenStore+Async`): every account's expiry, to decide what is due, and then the
/// tokens of the few accounts it renews or compares with a parked or backed-off renewal. Reading
/// every account's tokens on each pass held a second copy of the whole store in the TUI, next to
/// its own reading (issue 13). The TUI reads one account's tokens when its details are shown or
/// a token is copied (`loadOneAsync`).
extension TokenStore {
    /// `loadOne(account:)` off the cooperative pool: no list of every entry is built or kept.
    func loadOneAsync(account: String) async -> Result<TokenSet?, TokenStoreError> {
        await Self.offload { () throws(TokenStoreError) in try self.loadOne(account: account) }
    }

    /// What the store holds for each of `names`, in their order, reduced to the expiry.
    func expiriesAsync(of names: [String]) async -> Result<[StoredExpiry], TokenStoreError> {
        await Self.offload { () throws(TokenStoreError) in try self.expiries().of(names) }
    }

    /// The tokens of each of `names` from one read of the file: nil for an account without
    /// tokens or whose entry cannot be read (as `loadAll()` leaves those out); a failure when
    /// the file itself cannot be read.
    func tokensAsync(of names: [String]) async -> Result<[TokenSet?], TokenStoreError> {
        guard !names.isEmpty else { return .success([]) }
        return await Self.offload { () throws(TokenStoreError) in
            try self.load(accounts: names).map { (result) throws(TokenStoreError) -> TokenSet? in
                switch result {
                case .success(let tokens): return tokens
                case .failure(.unreadableEntry): return nil
                case .failure(let error): throw error
                }
            }
        }
    }

    private static func offload<Value: Sendable>(
        _ work: @escaping @Sendable () throws(TokenStoreError) -> Value
    ) async -> Result<Value, TokenStoreError> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(TokenStoreError) in try work() })
            }
        }
    }
}
