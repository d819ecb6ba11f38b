import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two things the server needs from threads, on pthreads directly: Foundation's `Thread`
/// would link CoreFoundation and ICU into every `tokenman` process.
enum PosixThread {
    /// Runs `body` on a new detached thread with the default attributes (as
    /// `Thread.detachNewThread` did). Returns 0, or pthread_create's error when the system
    /// refuses a thread (then `body` never runs).
    static func detach(_ body: @escaping @Sendable () -> Void) -> Int32 {
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return created
        }
        pthread_detach(thread)
        return 0
    }

    /// Blocks the calling thread for `seconds` (nothing for zero, negative or NaN), resuming
    /// after signals as `Thread.sleep(forTimeInterval:)` did.
    static func sleep(_ seconds: TimeInterval) {
        guard seconds > 0 else { return }
        let whole = Int(clamping: seconds, rounding: .down)
        let nanoseconds = Int(clamping: (seconds - Double(whole)) * 1_000_000_000, rounding: .down)
        var request = timespec(tv_sec: whole, tv_nsec: nanoseconds)
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR {
            request = remaining
        }
    }

    private final class Box {
        let body: @Sendable () -> Void

        init(_ body: @escaping @Sendable () -> Void) {
            self.body = body
        }
    }
}
