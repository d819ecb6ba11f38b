import FoundationEssentials
import Glibc
import Synchronization

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a flag the run loop checks, instead of letting
/// them kill the process with the terminal still in raw mode. Installed before `newterm`, so
/// ncurses sees handlers in place and does not install its own for them.
final class SignalWatcher: Sendable {
    /// SIGQUIT too: its default action (and the Swift runtime's backtracer, which claims it) would
    /// leave the terminal raw on the alternate screen behind a 30-second backtrace prompt.
    static let watchedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// SIGWINCH only wakes the loop, which then reads the new size itself. Left to ncurses, the
    /// signal usually lands on another thread, so the loop's `poll` kept sleeping and the next
    /// tick drew one frame laid out for the old size before ncurses noticed.
    static let resizeSignal = SIGWINCH

    private let received = Mutex<Int32?>(nil)
    private let pipe = Mutex<SignalPipe?>(nil)

    func start(onSignal wake: @escaping @Sendable () -> Void) {
        let started = SignalPipe(signals: SignalWatcher.watchedSignals + [SignalWatcher.resizeSignal]) { [weak self] number in
            guard let self else { return }
            if number != SignalWatcher.resizeSignal { self.received.withLock { if $0 == nil { $0 = number } } }
            wake()
        }
        pipe.withLock { $0 = started }
    }

    /// The first signal received since the last call, if any.
    func take() -> Int32? {
        received.withLock { value in
            defer { value = nil }
            return value
        }
    }

    func stop() {
        let running = pipe.withLock { pipe in
            defer { pipe = nil }
            return pipe
        }
        running?.stop()
    }
}
