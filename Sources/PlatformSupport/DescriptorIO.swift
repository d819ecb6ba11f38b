#if canImport(Glibc)
import Glibc
#endif

/// Whole reads and writes on a file descriptor, retrying after EINTR and short transfers: the
/// loop every `write(2)`/`read(2)` caller here needs (files, standard streams, a child's pipes).
public enum DescriptorIO {
    /// Writes all of `bytes`. Returns 0, or the `errno` that stopped it (EPIPE for a reader
    /// that has gone).
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var pointer = bytes.baseAddress else { return 0 }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, pointer, remaining)
            if written > 0 {
                remaining -= written
                pointer += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return written < 0 ? errno : EIO
            }
        }
        return 0
    }

    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// Reads until end of file, an error (its `errno`, with what was read before it), or more
    /// than `limit` bytes (then `overLimit` is true and reading stops).
    public static func readAll(_ descriptor: Int32, limit: Int = .max) -> (bytes: [UInt8], error: Int32, overLimit: Bool) {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                result.append(contentsOf: chunk[0..<count])
                if result.count > limit { return (result, 0, true) }
            } else if count == 0 {
                return (result, 0, false)
            } else if errno != EINTR {
                return (result, errno, false)
            }
        }
    }
}
