import Synchronization

/// At most `limit` holders at once in this process; the others wait, suspended, in arrival
/// order. `TokenRenewer` has two: one for the renewals under way (each holds its renewal-lock
/// file), one for their requests (a thread, a libcurl handle and a socket each). Refreshing
/// every account (the UI's `R`, `tokenman refresh --all`, a scheduler tick after a long sleep)
/// otherwise starts one renewal per account at once, a thousand at a time past the usual limit
/// of 1,024 open files, all of them competing for two cores with the server they call.
final class RenewalGate: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(limit: Int) {
        state = Mutex(State(available: max(1, limit)))
    }

    func enter() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state in
                guard state.available > 0 else {
                    state.waiters.append(continuation)
                    return false
                }
                state.available -= 1
                return true
            }
            if admitted { continuation.resume() }
        }
    }

    /// Hands the slot to the longest waiter, if any.
    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
