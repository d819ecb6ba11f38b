import Synchronization

/// Paces the UI's readings of the whole store: one at a time, and after each a pause of at least
/// `minimumGap` and `costFactor` times what the reading took.
///
/// The store is read again on every change the watch reports (`FileChangeWatcher`), which
/// includes this process's own writes. During a burst of renewals at 100,000 accounts, where a
/// reading costs about 100 ms, unpaced readings would take whole cores. With the pause, readings
/// cost at most about 1 / (1 + costFactor) of a core, and a lone change is still read at once.
/// One at a time also keeps their answers in file order: two readings at once could deliver an
/// older file after a newer one.
///
/// A call that finds another already waiting returns without reading: the waiting one reads
/// later, so it sees whatever this one would have. A call that arrives while a reading runs waits
/// and reads again after it, since that reading may have missed the newest change.
final class StoreReadingPacer: Sendable {
    private struct State {
        var reading = false
        var waiting = false
        var notBefore: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let minimumGap: Duration
    private let costFactor: Int

    init(minimumGap: Duration = .milliseconds(200), costFactor: Int = 20) {
        self.minimumGap = minimumGap
        self.costFactor = costFactor
    }

    /// `read`'s answer, or nil when another call was already waiting to read.
    func paced<Value: Sendable>(_ read: () -> Value) async -> Value? {
        let claimed = state.withLock { state in
            guard !state.waiting else { return false }
            state.waiting = true
            return true
        }
        guard claimed else { return nil }
        while let pause = startOrPause() {
            try? await Task.sleep(for: pause)
        }
        let started = ContinuousClock.now
        let value = read()
        let finished = ContinuousClock.now
        state.withLock { state in
            state.reading = false
            state.notBefore = finished + max(minimumGap, (finished - started) * costFactor)
        }
        return value
    }

    /// nil: the reading may start now (and is marked as running); else how long to wait before
    /// asking again (the running reading's end is not known: asked again shortly).
    private func startOrPause() -> Duration? {
        state.withLock { state in
            if state.reading { return .milliseconds(10) }
            let now = ContinuousClock.now
            if let notBefore = state.notBefore, notBefore > now { return notBefore - now }
            state.reading = true
            state.waiting = false
            return nil
        }
    }
}
