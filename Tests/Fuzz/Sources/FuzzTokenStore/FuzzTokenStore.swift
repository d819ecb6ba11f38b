// libFuzzer harness: the token store decoder (`tokens.json`: the member scanner, then each
// account's entry on its own; the chunked reader the store's reads use must give the same answer
// or error at any chunk size), the token checks the CLI makes on what it read, and the write
// back: a file that was read must be written so that it reads again with the same accounts,
// and every readable account stays readable. Built by Tests/Fuzz/run-fuzzers.sh.
import AuthEngine
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenStore(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    let whole = Result { () throws(TokenStoreError) in try TokenStore.decodeSnapshot(data) }
    // The store's reads stream the file in chunks: the same answer or error at any chunk size.
    for chunkSize in [1, 3, 64, 1 + (data.first.map(Int.init) ?? 0)] {
        let streamed = Result { () throws(TokenStoreError) in try TokenStore.decodeSnapshotStreaming(data, chunkSize: chunkSize) }
        guard streamed == whole else { fatalError("the chunked reader (chunk \(chunkSize)) disagrees with the whole-file reader") }
    }
    let snapshot: TokenStoreSnapshot
    switch whole {
    case .success(let read): snapshot = read
    case .failure(let error):
        _ = String(describing: error)
        return 0
    }
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    for tokens in snapshot.tokens.values {
        _ = tokens.isAccessValid(at: now, minValid: 300)
        _ = tokens.coversMinValid(.greatestFiniteMagnitude, at: now)
        _ = tokens.isRefreshUsable(at: now)
        _ = tokens.accessLifetime
    }
    let again: TokenStoreSnapshot
    do {
        again = try TokenStore.decodeSnapshot(try TokenStore.rewritten(data))
    } catch {
        fatalError("a store that was read is written so that it cannot be read: \(error)")
    }
    let before = Set(snapshot.tokens.keys).union(snapshot.unreadable.keys)
    let after = Set(again.tokens.keys).union(again.unreadable.keys)
    guard before == after else { fatalError("the write back changed the accounts: \(before.sorted()) -> \(after.sorted())") }
    for account in snapshot.tokens.keys where again.tokens[account] == nil {
        fatalError("account \(account) was readable and is not after the write back: \(again.unreadable[account] ?? "")")
    }
    return 0
}
