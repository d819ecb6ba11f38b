import Foundation
import Testing
@testable import AuthEngine

/// A poll of the store reads and decodes the file only when its stamp (device, inode, size,
/// mtime in ns) changed since the last reading.
@Suite struct TokenStoreStampTests {
    @Test func anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.file("state"))
        // No file yet: an empty reading, then nothing new.
        guard case .changed(let empty, let missing) = try store.snapshot(ifChangedFrom: nil) else { Issue.record("no first reading"); return }
        #expect(empty.tokens.isEmpty && missing == .missing)
        #expect(try store.snapshot(ifChangedFrom: missing) == .unchanged)

        try store.save(sampleTokens(), account: "work")
        guard case .changed(let first, let stamp) = try store.snapshot(ifChangedFrom: missing) else { Issue.record("the write was not seen"); return }
        #expect(first.tokens == ["work": sampleTokens()])
        #expect(try store.snapshot(ifChangedFrom: stamp) == .unchanged)

        // Another process replaces the file with the same size: a new inode, so it is read.
        try store.save(sampleTokens("access-2"), account: "work")
        guard case .changed(let second, let next) = try store.snapshot(ifChangedFrom: stamp) else { Issue.record("the rewrite was not seen"); return }
        #expect(second.tokens["work"]?.accessToken == "access-2")
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
        #expect(try store.snapshot(ifChangedFrom: next) == .unchanged)
        #expect(throws: TokenStoreError.self) { try store.snapshot(ifChangedFrom: nil) }

        // Removing the file is a change too.
        try FileManager.default.removeItem(atPath: path)
        #expect(try store.snapshot(ifChangedFrom: next) == .changed(TokenStoreSnapshot(), .missing))
    }
}
