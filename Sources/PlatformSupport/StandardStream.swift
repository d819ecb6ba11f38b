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
        DescriptorIO.writeAll(descriptor, bytes)
    }

    /// All of stdin until end of file (or a read error), at most `limit` bytes.
    public static func readInput(limit: Int = 1 << 24) -> [UInt8] {
        DescriptorIO.readAll(STDIN_FILENO, limit: limit).bytes
    }
}
