import FoundationEssentials
import PlatformSupport
import Glibc

/// Replaces a file's contents so that a reader sees either the old or the new file, never
/// half of one, and a crash leaves no partial file behind.
///
/// The sequence is the classic one: a temp file in the same directory (so `rename` stays on one
/// file system) created with `O_EXCL` and the final mode (so the secret is never readable by
/// others, not even for an instant), write, `fsync`, `rename`, then `fsync` the directory so the
/// rename itself survives a power loss.
enum AtomicFileWriter {
    static func write(_ data: Data, to path: String, mode: mode_t = 0o600) throws(TokenStoreError) {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            Result { () throws(TokenStoreError) in try write(bytes, to: path, mode: mode) }
        }.get()
    }

    /// `write(_:to:mode:)` for bytes the caller holds (the token store's text, without a copy
    /// into `Data` first).
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(TokenStoreError) {
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            Result { () throws(TokenStoreError) in try write(buffer, to: path, mode: mode) }
        }.get()
    }

    private static func write(_ data: UnsafeRawBufferPointer, to path: String, mode: mode_t) throws(TokenStoreError) {
        let directory = PathText.deletingLastComponent(path)
        let base = PathText.lastComponent(path)
        var tempPath = ""
        var fd: Int32 = -1
        // A random suffix plus O_EXCL: two processes writing at once never share a temp file.
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            tempPath = PathText.join(directory, ".\(base).\(suffix).tmp")
            fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw .io(path: tempPath, operation: "create", reason: currentErrnoDescription())
        }
        var closed = false
        var renamed = false
        defer {
            if !closed { close(fd) }
            if !renamed { unlink(tempPath) }
        }
        // The umask may have narrowed the mode; it can never widen it, but set it exactly anyway.
        if fchmod(fd, mode) != 0 {
            throw .io(path: tempPath, operation: "chmod", reason: currentErrnoDescription())
        }
        try writeAll(data, to: fd, path: tempPath)
        if fsync(fd) != 0 {
            throw .io(path: tempPath, operation: "fsync", reason: currentErrnoDescription())
        }
        close(fd)
        closed = true
        if rename(tempPath, path) != 0 {
            throw .io(path: path, operation: "rename", reason: currentErrnoDescription())
        }
        renamed = true
        syncDirectory(directory)
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws(TokenStoreError) {
        let failure = DescriptorIO.writeAll(fd, buffer)
        if failure != 0 { throw .io(path: path, operation: "write", reason: String(cString: strerror(failure))) }
    }

    /// Removes the temp files of writes to `path` that a crash (SIGKILL, power loss) left
    /// behind: each is a full copy of the secrets. Only call it while holding the lock every
    /// writer of `path` holds, so that no temp file it sees belongs to a write in progress.
    /// Returns how many were removed.
    @discardableResult
    static func removeLeftovers(of path: String) -> Int {
        let directory = PathText.deletingLastComponent(path)
        let prefix = ".\(PathText.lastComponent(path))."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            if unlink(PathText.join(directory, name)) == 0 { removed += 1 }
        }
        return removed
    }

    /// Best effort: some file systems refuse fsync on a directory, and the data is already safe.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
