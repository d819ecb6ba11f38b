/// Refreshes many accounts at once: the UI's `R` and `tokenman refresh`. Every account goes
/// through `AccountService.refresh` (the UI's `r`), whose renewer sends
/// `TokenRenewer.concurrentRequests` requests at a time and whose store reads and writes are
/// coalesced, so a thousand accounts cost a few store rewrites rather than a thousand.
public enum AccountRefresh {
    /// One result per name, in the order of `names`. `stored`: the store as the caller just
    /// read it, if it did (`refresh --all` reads it to find the logged-in accounts).
    public static func run(_ names: [String], service: AccountService, stored read: TokenStoreSnapshot? = nil) async -> [Result<TokenSet, AuthError>] {
        // One read of the store names the tokens each renewal replaces (one read per account
        // was a whole-file read each); every renewal reads its account again under its lock.
        let stored: TokenStoreSnapshot
        do {
            if let read { stored = read } else { stored = try await service.store.snapshotAsync() }
        } catch {
            return names.map { _ in .failure(error) }
        }
        var results = [Result<TokenSet, AuthError>?](repeating: nil, count: names.count)
        await withTaskGroup(of: IndexedRefresh.self) { group in
            for (index, name) in names.enumerated() {
                group.addTask {
                    // Bound to a local first: a tuple or struct literal holding `try await` is
                    // miscompiled by Swift 6.3 -O (DECISIONS.md, "Release miscompile").
                    let result: Result<TokenSet, AuthError>
                    do throws(AuthError) {
                        let tokens = try await service.refresh(account: name, storedIn: stored)
                        result = .success(tokens)
                    } catch {
                        result = .failure(error)
                    }
                    return IndexedRefresh(index: index, result: result)
                }
            }
            for await finished in group where results.indices.contains(finished.index) {
                results[finished.index] = finished.result
            }
        }
        return results.map { $0 ?? .failure(.cancelled) }
    }
}

private struct IndexedRefresh: Sendable {
    let index: Int
    let result: Result<TokenSet, AuthError>
}
