import Foundation
import TerminalUI

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT as values, while `tokenman demo` sets up or runs without a UI and
/// while `tokenman simulate` serves, so an interrupt ends in clean-up instead of killing the
/// process mid-way. Built on TerminalUI's `SignalPipe`, the same mechanism the UI uses.
final class InterruptWatcher: @unchecked Sendable {
    // @unchecked: `received` and `waiter` are only touched while `lock` is held.
    private let lock = NSLock()
    private var received: [Int32] = []
    private var waiter: CheckedContinuation<Int32, Never>?
    private var pipe: SignalPipe?

    init() {
        pipe = SignalPipe(signals: [SIGINT, SIGTERM, SIGHUP, SIGQUIT]) { [weak self] number in
            self?.deliver(number)
        }
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
        pipe?.stop()
        pipe = nil
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
