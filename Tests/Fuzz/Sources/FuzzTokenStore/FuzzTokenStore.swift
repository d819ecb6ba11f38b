// libFuzzer harness: the token store decoder (`tokens.json`: the member scanner, then each
// account's entry on its own), the token checks the CLI makes on what it read, and the write
// back: a file that was read must be written so that it reads again with the same accounts,
// and every readable account stays readable. Built by Tests/Fuzz/run-fuzzers.sh.
import AuthEngine
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenStore(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    let snapshot: TokenStoreSnapshot
    do {
        snapshot = try TokenStore.decodeSnapshot(data)
    } catch {
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
