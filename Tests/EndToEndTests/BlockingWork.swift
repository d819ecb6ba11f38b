import Foundation

/// Runs blocking work (waitpid, reading a pipe until EOF, a socket round trip) on a thread of
/// its own and suspends the calling task until it is done.
///
/// Why: Swift Testing runs every test of the process in parallel on Swift's cooperative thread
/// pool, which has one thread per core (two on a small CI machine). An end-to-end test that
/// blocks a pool thread for seconds while a child process runs starves every other async test
/// in the process (HTTP cancellation, secret-command timeouts, TerminalUI programs), which then
/// time out. A dedicated thread blocks only itself; the pool thread is free while the task waits.
enum BlockingWork {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.start()
        }
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: body())
            }
            thread.start()
        }
    }
}
