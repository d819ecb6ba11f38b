#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to stdout/stderr and a whole read of stdin, on the file descriptors
/// themselves (what `FileHandle.standardOutput`/`.standardError`/`.standardInput` did, without
/// linking Foundation; issue 13).
public enum StandardStream {
    case output
    case error

    var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// Writes all of `text`; gives up quietly on a closed or failing stream (EPIPE included:
    /// whoever reads us has gone).
    public func write(_ text: String) {
        write(Array(text.utf8))
    }

    public func write(_ bytes: [UInt8]) {
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
                return
            }
        }
    }

    /// All of stdin until end of file (or a read error), at most `limit` bytes.
    public static func readInput(limit: Int = 1 << 24) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while result.count < limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                result.append(contentsOf: chunk[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return result
    }
}
