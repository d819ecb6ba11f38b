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
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                return reason
            }
        }
        return close(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
}
