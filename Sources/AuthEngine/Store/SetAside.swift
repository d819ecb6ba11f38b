import FoundationEssentials
import Glibc

/// Keeps something the store could not read under a new, unique name next to `tokens.json`,
/// so a person can inspect it and a later failure never overwrites an earlier one.
enum SetAside {
    /// `tokens.json.<label>-<UTC time>-<random>`; `O_EXCL` makes the name ours alone.
    static func uniquePath(besides path: String, label: String) -> String {
        let stamp = RFC3339.format(Date()).replacing(":", with: "")
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(path).\(label)-\(stamp)-\(suffix)"
    }

    /// Moves the whole file aside (a hard link under the new name, then unlink), without
    /// copying it and without replacing anything already there. Returns the new path.
    static func moveFile(_ path: String, label: String) throws(TokenStoreError) -> String {
        for _ in 0..<16 {
            let kept = uniquePath(besides: path, label: label)
            if link(path, kept) == 0 {
                unlink(path)
                return kept
            }
            if errno != EEXIST {
                // No hard links on this file system: rename, still to a fresh name.
                guard rename(path, kept) == 0 else {
                    throw .io(path: kept, operation: "rename", reason: currentErrnoDescription())
                }
                return kept
            }
        }
        throw .io(path: path, operation: "set aside", reason: "no free name")
    }

    /// Writes `bytes` to a new file (0600) besides `path`. Returns the new path.
    static func write(_ bytes: [UInt8], besides path: String, label: String) throws(TokenStoreError) -> String {
        for _ in 0..<16 {
            let kept = uniquePath(besides: path, label: label)
            let fd = open(kept, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw .io(path: kept, operation: "create", reason: currentErrnoDescription())
            }
            defer { close(fd) }
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written == bytes.count, fsync(fd) == 0 else {
                throw .io(path: kept, operation: "write", reason: currentErrnoDescription())
            }
            return kept
        }
        throw .io(path: path, operation: "set aside", reason: "no free name")
    }
}
