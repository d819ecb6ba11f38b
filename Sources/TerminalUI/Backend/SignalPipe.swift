import FoundationEssentials
import PlatformSupport
import Synchronization
#if canImport(Glibc)
import CNCurses
import Glibc
#endif

/// The write end of the live `SignalPipe`, read by the signal handler; -1 when none runs.
/// An atomic (lock-free, so async-signal-safe to load) rather than a lock: a handler must
/// never wait for a lock the interrupted thread may hold.
private let signalPipeWriteEnd = Atomic<Int32>(-1)

/// The handler: one byte, the signal number, into the pipe (write(2) is async-signal-safe).
private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd.load(ordering: .acquiring), &byte, 1)
}

/// Signals as callbacks on an ordinary thread: a `sigaction` handler writes the number into a
/// pipe and a thread of its own reads it and calls `onSignal`.
///
/// Why not dispatch signal sources: they replace the default action with "ignore" first and
/// register in the background, so a signal sent in between is lost (seen: a SIGTERM right after
/// `tokenman simulate` printed its banner), and on Linux they only see a signal that every
/// thread blocks. Here the handler is in place when `init` returns, and the reader thread
/// unblocks the signals, so some thread can always take them.
///
/// One `SignalPipe` at a time per process: stop one before starting the next (the demo hands
/// over to the UI this way).
public final class SignalPipe: Sendable {
    private let writeEnd = Mutex<Int32>(-1)
    private let numbers: [Int32]

    public init(signals numbers: [Int32], onSignal: @escaping @Sendable (Int32) -> Void) {
        self.numbers = numbers
        var ends: [Int32] = [-1, -1]
        // Without a pipe the signals keep their default actions: better than swallowing them.
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let readEnd = ends[0]
        writeEnd.withLock { $0 = ends[1] }
        signalPipeWriteEnd.store(ends[1], ordering: .releasing)
        for number in numbers {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = forwardSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        DetachedThread.start(name: "tokenman-signals") {
            var mask = sigset_t()
            sigemptyset(&mask)
            for number in numbers { sigaddset(&mask, number) }
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 {
                    onSignal(Int32(byte))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break  // `stop()` closed the write end
                }
            }
            close(readEnd)
        }
    }

    /// Gives the signals back to their default actions and ends the reader thread.
    public func stop() {
        for number in numbers { signal(number, SIG_DFL) }
        let end = writeEnd.withLock { end in
            defer { end = -1 }
            return end
        }
        guard end >= 0 else { return }
        signalPipeWriteEnd.store(-1, ordering: .releasing)
        close(end)
    }
}
