import Foundation
import Testing
@testable import AuthEngine

@Suite struct TokenStoreTests {
    @Test func savedTokensLoadBackInANewStoreInstance() throws {
        let scratch = ScratchDirectory()
        let tokens = sampleTokens()
        try TokenStore(directory: scratch.path).save(tokens, account: "work")
        let reopened = TokenStore(directory: scratch.path)
        #expect(try reopened.load(account: "work") == tokens)
        #expect(try reopened.loadAll() == ["work": tokens])
        #expect(try reopened.load(account: "other") == nil)
    }

    @Test func missingFileIsAnEmptyStore() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.file("never-created"))
        #expect(try store.loadAll().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("never-created")))
    }

    @Test func fileIs0600InA0700DirectoryCreatedWithParents() throws {
        let scratch = ScratchDirectory()
        let directory = scratch.file("a/b/tokenman")
        let store = TokenStore(directory: directory)
        try store.save(sampleTokens(), account: "work")
        #expect(permissions(of: directory) == 0o700)
        #expect(permissions(of: store.filePath) == 0o600)
        #expect(permissions(of: store.lockPath) == 0o600)
    }

    @Test func groupReadableDirectoryIsTightenedWithAWarning() throws {
        let scratch = ScratchDirectory()
        let directory = scratch.file("state")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        chmod(directory, 0o755)
        let warnings = WarningSink()
        let store = TokenStore(directory: directory, warn: warnings.append)
        try store.save(sampleTokens(), account: "work")
        #expect(permissions(of: directory) == 0o700)
        #expect(warnings.messages == ["\(directory) was accessible by other users (mode 755); changed it to 0700"])
    }

    @Test func atomicWriteLeavesNoTemporaryFiles() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        for index in 0..<20 {
            try store.save(sampleTokens("access-\(index)"), account: "account-\(index % 3)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        #expect(names == ["tokens.json", "tokens.lock"])
    }

    @Test func removeDeletesOnlyThatAccount() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("a"), account: "one")
        try store.save(sampleTokens("b"), account: "two")
        try store.remove(account: "one")
        #expect(try store.loadAll() == ["two": sampleTokens("b")])
    }

    @Test func fileIsVersionedJSONWithReadableDates() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens(), account: "work")
        let text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        #expect(text.contains("\"version\" : 1"))
        #expect(text.contains("\"obtainedAt\" : \"2025-06-15T15:06:40.000Z\""))
    }

    @Test func corruptFileIsAClearErrorOnReadAndIsSetAsideOnWrite() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        chmod(scratch.path, 0o700)
        try Data("{\"version\": 1, \"accounts\": {\"work\": ".utf8).write(to: URL(fileURLWithPath: store.filePath))
        chmod(store.filePath, 0o600)
        #expect(throws: TokenStoreError.corrupt(path: store.filePath, detail: "not valid JSON (unexpected end of text at byte 36)", keptCopy: nil)) {
            try store.loadAll()
        }
        let warnings = WarningSink()
        let writer = TokenStore(directory: scratch.path, warn: warnings.append)
        try writer.save(sampleTokens(), account: "work")
        #expect(try store.loadAll() == ["work": sampleTokens()])
        let kept = try Self.keptFiles(in: scratch, label: "corrupt")
        #expect(kept.count == 1)
        let keptPath = scratch.file(kept.first ?? "")
        #expect(try String(contentsOfFile: keptPath, encoding: .utf8).hasPrefix("{\"version\": 1"))
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.contains("a copy was kept at \(keptPath)") == true)
    }

    /// A second corrupt file is kept too, under a name of its own: it never replaces the first.
    @Test func corruptFilesAreKeptUnderUniqueNames() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        for round in 0..<2 {
            try Data("garbage \(round)".utf8).write(to: URL(fileURLWithPath: store.filePath))
            chmod(store.filePath, 0o600)  // a loose file is refused before it is even read
            try store.save(sampleTokens(), account: "work")
        }
        let kept = try Self.keptFiles(in: scratch, label: "corrupt")
        #expect(kept.count == 2)
        let contents = try Set(kept.map { try String(contentsOfFile: scratch.file($0), encoding: .utf8) })
        #expect(contents == ["garbage 0", "garbage 1"])
    }

    static func keptFiles(in scratch: ScratchDirectory, label: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("tokens.json.\(label)-") }.sorted()
    }

    @Test func newerFormatIsRefusedAndNotOverwritten() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        let newer = "{\"version\": 9, \"accounts\": {}}"
        try Data(newer.utf8).write(to: URL(fileURLWithPath: store.filePath))
        chmod(store.filePath, 0o600)
        #expect(throws: TokenStoreError.unsupportedVersion(path: store.filePath, version: 9)) {
            try store.save(sampleTokens(), account: "work")
        }
        #expect(try String(contentsOfFile: store.filePath, encoding: .utf8) == newer)
    }

    @Test func updateThatChangesNothingDoesNotWrite() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        let seen = try store.update(account: "work") { tokens in tokens?.accessToken }
        #expect(seen == nil)
        #expect(!FileManager.default.fileExists(atPath: store.filePath))
    }

    @Test func threadsWithTheirOwnDescriptorsLoseNoUpdates() async throws {
        let scratch = ScratchDirectory()
        let directory = scratch.path
        // Real threads, not tasks: flock blocks, and the test pool has only a few threads.
        await onThreads(4) { worker in
            let store = TokenStore(directory: directory)
            for index in 0..<10 {
                try? store.save(sampleTokens("t"), account: "w\(worker)-\(index)")
            }
        }
        #expect(try TokenStore(directory: directory).loadAll().count == 40)
    }

    /// A second, real process (python3) doing read-modify-write of the same file under the same
    /// flock protocol while this process does the same: no update may be lost.
    @Test func anotherProcessAndThisOneLoseNoUpdates() async throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("seed"), account: "seed")
        let script = scratch.file("writer.py")
        try Data(Self.pythonWriter.utf8).write(to: URL(fileURLWithPath: script))

        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        child.arguments = ["python3", script, scratch.path, "30", "0"]
        try child.run()
        await onThreads(1) { _ in
            for index in 0..<30 {
                try? store.save(sampleTokens("swift"), account: "swift-\(index)")
            }
            child.waitUntilExit()
        }
        #expect(child.terminationStatus == 0)
        let accounts = try store.loadAll()
        #expect(accounts.keys.filter { $0.hasPrefix("python-") }.count == 30)
        #expect(accounts.keys.filter { $0.hasPrefix("swift-") }.count == 30)
        #expect(accounts["seed"] != nil)
    }

    /// While another process holds the lock, an update waits, and then builds on what that
    /// process wrote rather than on what was there before.
    @Test func updateWaitsForTheLockHeldByAnotherProcess() async throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("seed"), account: "seed")
        let script = scratch.file("writer.py")
        try Data(Self.pythonWriter.utf8).write(to: URL(fileURLWithPath: script))
        let ready = scratch.file("locked")

        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // One write, holding the lock for 0.8 s after touching `ready`.
        child.arguments = ["python3", script, scratch.path, "1", "0.8", ready]
        try child.run()
        let outcome = await onThread {
            // Bounded: a writer that never starts fails the test below instead of hanging it.
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: ready), Date() < deadline { usleep(10_000) }
            let started = Date()
            let updated = try? store.update(account: "swift") { tokens -> Bool in
                tokens = sampleTokens("swift")
                return true
            }
            let waited = Date().timeIntervalSince(started)
            child.waitUntilExit()
            return (updated == true, waited)
        }
        let (updated, waited) = outcome
        #expect(updated)
        #expect(waited >= 0.5)
        #expect(Set(try store.loadAll().keys) == ["seed", "swift", "python-0"])
    }

    /// argv: directory, count, hold-seconds, [ready-file]
    static let pythonWriter = """
    import fcntl, json, os, sys, time
    directory, count, hold = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    ready = sys.argv[4] if len(sys.argv) > 4 else None
    path = os.path.join(directory, "tokens.json")
    for i in range(count):
        fd = os.open(os.path.join(directory, "tokens.lock"), os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        if ready:
            open(ready, "w").close()
        with open(path) as f:
            data = json.load(f)
        data["accounts"]["python-%d" % i] = {
            "accessToken": "py", "obtainedAt": "2025-06-15T15:06:40.000Z",
            "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}
        time.sleep(hold)
        tmp = path + ".py.tmp"
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, path)
        os.close(fd)
    """
}

final class WarningSink: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var messages: [String] { lock.withLock { stored } }
    var append: @Sendable (String) -> Void { { [self] message in lock.withLock { stored.append(message) } } }
}
