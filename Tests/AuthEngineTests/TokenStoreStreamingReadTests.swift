import Foundation
import Synchronization
import Testing
@testable import AuthEngine

/// The store's reads stream the file (`TokenStoreStream`) through the open descriptor: the same
/// answers as the whole-file reader for every read path, with any chunk size, and no copy of
/// the file kept afterwards (only writes keep one, for the next write's comparison).
@Suite struct TokenStoreStreamingReadTests {
    static func write(_ text: String, to store: TokenStore) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.filePath))
        chmod(store.filePath, 0o600)
    }

    /// Every read path of a store with a tiny chunk, against the whole-file reader of the same
    /// bytes, over generated stores (good, unreadable and duplicated entries, escaped names,
    /// versions before and after, errors).
    @Test func everyReadPathAgreesWithTheWholeFileReader() throws {
        let scratch = ScratchDirectory()
        var generator = TokenStoreTextGenerator(seed: 2024)
        let names = TokenStoreTextGenerator.allNames
        for round in 0..<60 {
            let store = TokenStore(directory: scratch.path, readChunkSize: [1, 7, 64, 100_000][round % 4])
            try Self.write(generator.store(), to: store)
            let bytes = try #require(try store.readData())
            let scanned = Result { () throws(TokenStoreError) in try TokenStoreFile.scan(bytes: bytes, path: store.filePath) }

            #expect(Result { () throws(TokenStoreError) in try store.snapshot() } == scanned.map { $0.snapshot() })
            #expect(Result { () throws(TokenStoreError) in try store.expiries().of(names) } == scanned.map { $0.expiries().of(names) })
            guard let (_, stamp) = try? store.expiries(ifChangedFrom: nil) else {
                #expect(throws: TokenStoreError.self) { try store.expiries(ifChangedFrom: nil) }
                continue
            }
            #expect(try store.expiries(ifChangedFrom: stamp) == nil)
            #expect(try store.expiries(ifChangedFrom: nil)?.expiries.of(names) == scanned.get().expiries().of(names))
            let batch = store.load(accounts: names)
            for (name, loaded) in zip(names, batch) {
                let expected = Result { () throws(TokenStoreError) -> TokenSet? in
                    switch try scanned.get().entry(name) {
                    case nil: return nil
                    case .tokens(let tokens): return tokens
                    case .unreadable(_, let detail): throw .unreadableEntry(path: store.filePath, account: name, detail: detail)
                    }
                }
                #expect(loaded == expected, "\(name)")
                #expect(Result { () throws(TokenStoreError) in try store.load(account: name) } == expected, "\(name)")
                #expect(Result { () throws(TokenStoreError) in try store.loadOne(account: name) } == expected, "\(name)")
            }
        }
    }

    /// Reads leave no copy of the file behind: a process that only reads (the UI polling,
    /// `list`) must not hold a store of 37 MiB after a read of it.
    @Test func readsKeepNoCopyOfTheFile() throws {
        let scratch = ScratchDirectory()
        try TokenStore(directory: scratch.path).save(sampleTokens("a"), account: "work")
        let store = TokenStore(directory: scratch.path)
        _ = try store.snapshot()
        _ = try store.expiries()
        _ = try store.expiries(ifChangedFrom: nil)
        #expect(try store.load(account: "work") == sampleTokens("a"))
        #expect(try store.loadOne(account: "work") == sampleTokens("a"))
        _ = store.load(accounts: ["work", "other"])
        #expect(store.lastScan.withLock { $0 } == nil)
    }

    /// A write keeps what it wrote, and reads of that same file (a renewal re-reading under its
    /// lock) answer from it without replacing it; a file changed since is streamed, and the
    /// kept write stays as it was for the next write to compare with.
    @Test func readsUseButNeverReplaceTheLastWrite() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path, readChunkSize: 5)
        try store.save(sampleTokens("a"), account: "work")
        let kept = try #require(store.lastScan.withLock { $0 }?.scanned.bytes)
        #expect(try store.load(account: "work") == sampleTokens("a"))
        #expect(store.load(accounts: ["work", "none"]) == [.success(sampleTokens("a")), .success(nil)])
        #expect(store.lastScan.withLock { $0 }?.scanned.bytes == kept)

        // Same length, other bytes: the comparison, not the size, tells them apart.
        try TokenStore(directory: scratch.path).save(sampleTokens("b"), account: "work")
        #expect(try store.readData()?.count == kept.count)
        #expect(try store.load(account: "work") == sampleTokens("b"))
        #expect(store.lastScan.withLock { $0 }?.scanned.bytes == kept)
        // Longer and shorter files than the one kept.
        try TokenStore(directory: scratch.path).save(sampleTokens("a-longer-token"), account: "work")
        #expect(try store.load(account: "work") == sampleTokens("a-longer-token"))
        try TokenStore(directory: scratch.path).remove(account: "work")
        #expect(try store.load(account: "work") == nil)
        // A write through the store after all that still starts from the file on disk.
        try store.save(sampleTokens("c"), account: "other")
        #expect(try TokenStore(directory: scratch.path).loadAll() == ["other": sampleTokens("c")])
    }

    /// The chunked comparison with the kept write, for every chunk size around the file's.
    @Test func theComparisonWithTheKeptWriteIsExactAtAnyChunkSize() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("a"), account: "work")
        let bytes = try #require(try store.readData())
        let fd = open(store.filePath, O_RDONLY)
        defer { close(fd) }
        var changed = bytes
        changed[changed.count - 3] ^= 1
        for chunk in [1, 2, 3, 7, bytes.count - 1, bytes.count, bytes.count + 1, 1 << 20] {
            #expect(try TokenStore.file(fd, size: bytes.count, holds: bytes, chunkSize: chunk, path: store.filePath))
            #expect(try !TokenStore.file(fd, size: bytes.count, holds: changed, chunkSize: chunk, path: store.filePath))
            #expect(try !TokenStore.file(fd, size: bytes.count, holds: Array(bytes.dropLast()), chunkSize: chunk, path: store.filePath))
            // The file longer than its `fstat` size said (it grew while read): not the same.
            #expect(try !TokenStore.file(fd, size: bytes.count - 1, holds: Array(bytes.dropLast()), chunkSize: chunk, path: store.filePath))
        }
    }
}
