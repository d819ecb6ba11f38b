import FoundationEssentials
import Dispatch

/// How the store's coalescing queues (`TokenStoreWriteQueue`, `TokenStoreReadQueue`) wait
/// between two passes while calls keep coming. Taking the next pass at once meant one pass per
/// call or two in a refresh of 1,000 accounts (85 rewrites and some 450 reads of a 1.2 MB store),
/// each holding only the calls that came in during the one before. Waiting up to `factor` times
/// as long as the last pass took lets the calls gather, and keeps the passes to at most a
/// fraction 1 / (1 + `factor`) of the time. A queue that was quiet does not pause at all.
struct BurstPause: Sendable {
    let factor: Double
    /// The longest pause, whatever the last pass took.
    let longest: Double
    /// The pause is checked this many times, evenly spaced, and ends at the first check that
    /// finds no more calls waiting than the one before: at the end of a burst, waiting longer
    /// would only delay the last callers.
    let checks: Int

    /// Runs `next` on a Dispatch worker after the pause that follows a pass of `took` seconds.
    func after(
        _ took: Double,
        waiting: @escaping @Sendable () -> Int,
        then next: @escaping @Sendable () -> Void
    ) {
        let step = min(longest, took * factor) / Double(max(1, checks))
        check(checksLeft: checks, step: step, seen: waiting(), waiting: waiting, next: next)
    }

    private func check(
        checksLeft: Int,
        step: Double,
        seen: Int,
        waiting: @escaping @Sendable () -> Int,
        next: @escaping @Sendable () -> Void
    ) {
        DispatchQueue.global().asyncAfter(deadline: .now() + step) {
            let now = waiting()
            guard checksLeft > 1, now > seen else { return next() }
            check(checksLeft: checksLeft - 1, step: step, seen: now, waiting: waiting, next: next)
        }
    }

    /// Seconds since `start` (a `DispatchTime.now()`).
    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
