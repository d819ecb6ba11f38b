#if canImport(Glibc)
import Glibc
#endif

/// A pipe whose ends are close-on-exec, for a child's stdin/stdout/stderr.
public enum CloseOnExecPipe {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// glibc's `pipe2` (a GNU extension Swift's Glibc module does not declare): both ends
    /// close-on-exec from the start, so a child another thread spawns meanwhile cannot inherit
    /// them and hold our pipe open.
    static let pipe2: Pipe2? = {
        guard let symbol = dlsym(nil, "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: Pipe2.self)
    }()

    /// Fills `ends` with a pipe's read and write ends, both close-on-exec; false (errno set)
    /// when the system refuses one.
    public static func make(_ ends: inout [Int32]) -> Bool {
        if let pipe2 {
            return ends.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                return pipe2(base, O_CLOEXEC) == 0
            }
        }
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }
}
