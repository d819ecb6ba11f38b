// A helper for the crash test of the token store (Tests/Stress/store-crash.sh and
// EndToEndTests' StoreCrashTests): it writes through the real `TokenStore` in a loop so that a
// SIGKILL lands in the middle of a write, and checks the store afterwards.
//
//   StoreCrashWriter write DIR LOG ACCOUNTS   writes forever; appends "begin A G" / "done A G" to LOG
//   StoreCrashWriter check DIR LOG            exit 0 when every account holds its last done
//                                             generation or the one begun after it, the file and
//                                             every entry are readable, and the next write (a
//                                             no-op update) left no temp file behind
import AuthEngine
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("StoreCrashWriter: \(message)\n".utf8))
    exit(1)
}

/// "begin"/"done" lines of every run so far, in order.
func readLog(_ path: String) -> [(kind: String, account: String, generation: Int)] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
        let parts = line.split(separator: " ")
        guard parts.count == 3, let generation = Int(parts[2]) else { return nil }
        return (String(parts[0]), String(parts[1]), generation)
    }
}

func tokens(account: String, generation: Int) -> TokenSet {
    let now = Date()
    return TokenSet(
        accessToken: "\(account)-gen-\(generation)", refreshToken: "refresh-\(generation)",
        accessExpiresAt: now + 3600, refreshExpiresAt: now + 86400,
        accessExpirySource: .expiresIn, refreshExpirySource: .documentedLifetime, obtainedAt: now)
}

func write(directory: String, log: String, accounts: Int) -> Never {
    let fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { fail("cannot open \(log)") }
    func append(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    }
    let store = TokenStore(directory: directory)
    var generation = (readLog(log).map(\.generation).max() ?? 0) + 1
    while true {
        let account = "account-\(generation % accounts)"
        append("begin \(account) \(generation)")
        do {
            try store.save(tokens(account: account, generation: generation), account: account)
        } catch {
            fail("write failed: \(error)")
        }
        append("done \(account) \(generation)")
        generation += 1
    }
}

func check(directory: String, log: String) -> Never {
    let store = TokenStore(directory: directory)
    let snapshot: TokenStoreSnapshot
    do {
        snapshot = try store.snapshot()
    } catch {
        fail("store unreadable after a kill: \(error)")
    }
    if let (account, detail) = snapshot.unreadable.first { fail("entry of \(account) unreadable: \(detail)") }
    var allowed: [String: Set<Int>] = [:]
    for entry in readLog(log) {
        switch entry.kind {
        case "done": allowed[entry.account] = [entry.generation]
        default: allowed[entry.account, default: []].insert(entry.generation)
        }
    }
    for (account, generations) in allowed {
        let stored = snapshot.tokens[account]?.accessToken
        let acceptable = generations.map { "\(account)-gen-\($0)" }
        // Never written to completion and not in the store is fine only if no write was done.
        if stored == nil, readLog(log).contains(where: { $0.kind == "done" && $0.account == account }) {
            fail("\(account) lost its tokens")
        }
        if let stored, !acceptable.contains(stored) {
            fail("\(account) holds \(stored), expected one of \(acceptable.sorted())")
        }
    }
    let leftoversBefore = temporaryFiles(in: directory).count
    do {
        try store.update(account: "probe") { _ in }
    } catch {
        fail("the next write failed: \(error)")
    }
    let leftovers = temporaryFiles(in: directory)
    guard leftovers.isEmpty else { fail("temp files left after the next write: \(leftovers)") }
    print("ok accounts=\(snapshot.tokens.count) leftovers-removed=\(leftoversBefore)")
    exit(0)
}

func temporaryFiles(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(".tokens.json.") && $0.hasSuffix(".tmp") }
}

let arguments = CommandLine.arguments
switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
case (5, "write"):
    guard let accounts = Int(arguments[4]), accounts > 0 else { fail("ACCOUNTS must be a positive number") }
    write(directory: arguments[2], log: arguments[3], accounts: accounts)
case (4, "check"):
    check(directory: arguments[2], log: arguments[3])
default:
    fail("usage: StoreCrashWriter write DIR LOG ACCOUNTS | check DIR LOG")
}
