import Foundation
import Testing
@testable import AuthEngine

/// A reading of the store's expiries (what the TUI reads when the store changes) reads and
/// decodes the file only when its stamp (device, inode, size, mtime in ns) changed since the
/// last reading.
@Suite struct TokenStoreStampTests {
    @Test func anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.file("state"))
        // No file yet: an empty reading, then nothing new.
        guard let (empty, missing) = try store.expiries(ifChangedFrom: nil) else { Issue.record("no first reading"); return }
        #expect(empty.of(["work"]) == [.none] && missing == .missing)
        #expect(try store.expiries(ifChangedFrom: missing) == nil)

        try store.save(sampleTokens(), account: "work")
        guard let (first, stamp) = try store.expiries(ifChangedFrom: missing) else { Issue.record("the write was not seen"); return }
        #expect(first.of(["work"]) == [.expiry(sampleTokens().expiry)])
        #expect(try store.expiries(ifChangedFrom: stamp) == nil)

        // Another process replaces the file with the same size: a new inode, so it is read.
        try store.save(sampleTokens("access-2"), account: "work")
        guard let (second, next) = try store.expiries(ifChangedFrom: stamp) else { Issue.record("the rewrite was not seen"); return }
        #expect(second.of(["work"]) == [.expiry(sampleTokens("access-2").expiry)])
        #expect(next != stamp)

        // Unchanged means not even decoded: garbage written in place with the old stamp restored
        // would not be noticed, which is what proves nothing was read.
        let path = store.filePath
        var info = stat()
        #expect(stat(path, &info) == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: original.count))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(try store.expiries(ifChangedFrom: next) == nil)
        #expect(throws: TokenStoreError.self) { try store.expiries(ifChangedFrom: nil) }

        // Removing the file is a change too.
        try FileManager.default.removeItem(atPath: path)
        let removed = try store.expiries(ifChangedFrom: next)
        #expect(removed?.stamp == .missing)
        #expect(removed?.expiries.of(["work"]) == [.none])
    }
}
