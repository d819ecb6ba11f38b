import Foundation

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a flag the run loop checks, instead of letting
/// them kill the process with the terminal still in raw mode. Installed before `newterm`, so
/// ncurses sees handlers in place and does not install its own for them.
final class SignalWatcher: @unchecked Sendable {
    // @unchecked: `received` is only touched while `lock` is held; `pipe` is set up and torn
    // down on the loop's thread.
    /// SIGQUIT too: its default action (and the Swift runtime's backtracer, which claims it) would
    /// leave the terminal raw on the alternate screen behind a 30-second backtrace prompt.
    static let watchedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private let lock = NSLock()
    private var received: Int32?
    private var pipe: SignalPipe?

    func start(onSignal wake: @escaping @Sendable () -> Void) {
        pipe = SignalPipe(signals: SignalWatcher.watchedSignals) { [weak self] number in
            guard let self else { return }
            self.lock.lock()
            if self.received == nil { self.received = number }
            self.lock.unlock()
            wake()
        }
    }

    /// The first signal received since the last call, if any.
    func take() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        let value = received
        received = nil
        return value
    }

    func stop() {
        pipe?.stop()
        pipe = nil
    }
}
