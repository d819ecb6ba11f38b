#if canImport(Glibc)
import Glibc
#endif

/// Writes a small file whole with `open`/`write`, failing with the system's reason
/// ("Permission denied"): the message Foundation's error bridging used to give, without
/// linking Foundation (issue 13).
public enum SmallFile {
    /// Creates or truncates `path` (never following a symlink at it) with `mode` for a new file.
    /// Returns nil on success, else why it failed.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let failure = DescriptorIO.writeAll(descriptor, bytes)
        if failure != 0 {
            close(descriptor)
            return String(cString: strerror(failure))
        }
        return close(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
}
