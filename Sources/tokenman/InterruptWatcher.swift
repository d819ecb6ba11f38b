import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the pipe the signal handler reports to; -1 while no watcher runs.
/// Written only while handlers are not installed, read by the handler: no torn access.
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// The signal handler: one byte, the signal number, to the pipe (write(2) is async-signal-safe).
private func reportInterrupt(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(interruptPipeWriteEnd, &byte, 1)
}

/// SIGINT, SIGTERM and SIGHUP as values, while `tokenman demo` sets up or runs without a UI and
/// while `tokenman simulate` serves, so an interrupt ends in clean-up instead of killing the
/// process mid-way.
///
/// A plain `sigaction` handler writing to a pipe, not a dispatch signal source: the handler is
/// in place when `init` returns, whereas a dispatch source registers in the background after
/// the default action was replaced with "ignore", and a signal sent in between (say, right after
/// `simulate` printed its banner) was lost. One watcher at a time.
final class InterruptWatcher: @unchecked Sendable {
    private static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let lock = NSLock()
    private var received: [Int32] = []
    private var waiter: CheckedContinuation<Int32, Never>?
    private var writeEnd: Int32 = -1

    init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let readEnd = ends[0]
        writeEnd = ends[1]
        interruptPipeWriteEnd = ends[1]
        for number in Self.watched {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = reportInterrupt
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        let thread = Thread { [weak self] in
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 {
                    self?.deliver(Int32(byte))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break  // the write end was closed by `stop()`
                }
            }
            close(readEnd)
        }
        thread.name = "tokenman-interrupts"
        thread.start()
    }

    /// A signal that arrived already, if any.
    func pending() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received.first
    }

    /// Waits for the next signal (or returns one that already arrived).
    func next() async -> Int32 {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let first = received.first {
                lock.unlock()
                continuation.resume(returning: first)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    /// Hands the signals back to their default actions (for the UI, which installs its own).
    func stop() {
        Self.watched.forEach { signal($0, SIG_DFL) }
        lock.lock()
        let end = writeEnd
        writeEnd = -1
        lock.unlock()
        guard end >= 0 else { return }
        interruptPipeWriteEnd = -1
        close(end)
    }

    private func deliver(_ number: Int32) {
        lock.lock()
        received.append(number)
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(returning: number)
    }
}
