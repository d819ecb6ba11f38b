import FoundationEssentials
import Glibc
import Synchronization
import TerminalUI

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT as values, while `tokenman demo` sets up or runs without a UI and
/// while `tokenman simulate` serves, so an interrupt ends in clean-up instead of killing the
/// process mid-way. Built on TerminalUI's `SignalPipe`, the same mechanism the UI uses.
final class InterruptWatcher: Sendable {
    private struct State {
        var received: [Int32] = []
        var waiter: CheckedContinuation<Int32, Never>?
    }

    private let state = Mutex(State())
    private let pipe = Mutex<SignalPipe?>(nil)

    init() {
        let started = SignalPipe(signals: [SIGINT, SIGTERM, SIGHUP, SIGQUIT]) { [weak self] number in
            self?.deliver(number)
        }
        pipe.withLock { $0 = started }
    }

    /// A signal that arrived already, if any.
    func pending() -> Int32? {
        state.withLock { $0.received.first }
    }

    /// Waits for the next signal (or returns one that already arrived).
    func next() async -> Int32 {
        await withCheckedContinuation { continuation in
            let arrived = state.withLock { state -> Int32? in
                if let first = state.received.first { return first }
                state.waiter = continuation
                return nil
            }
            if let arrived { continuation.resume(returning: arrived) }
        }
    }

    /// Hands the signals back to their default actions (for the UI, which installs its own).
    func stop() {
        let running = pipe.withLock { pipe in
            defer { pipe = nil }
            return pipe
        }
        running?.stop()
    }

    private func deliver(_ number: Int32) {
        let waiting = state.withLock { state in
            state.received.append(number)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiting?.resume(returning: number)
    }
}
