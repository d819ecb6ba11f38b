import Foundation
import Synchronization
import Testing
@testable import AuthEngine

/// The pause the store's coalescing queues take between passes while calls keep coming.
@Suite struct StoreBurstPauseTests {
    /// While more calls keep arriving, the pause runs all its checks, and lasts at least
    /// `factor` times the last pass.
    @Test func callsThatKeepComingGetTheWholePause() async {
        let pause = BurstPause(factor: 3, longest: 1, checks: 3)
        let arriving = Counter()
        let started = Date()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            pause.after(0.02, waiting: { arriving.next() }) { done.resume() }
        }
        #expect(arriving.count == 4)
        #expect(Date().timeIntervalSince(started) >= 0.06 - 0.005)
    }

    /// Once a check finds no new call, the pause ends there.
    @Test func thePauseEndsAtTheFirstQuietCheck() async {
        let pause = BurstPause(factor: 3, longest: 1, checks: 3)
        let looked = Counter()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            pause.after(0.02, waiting: { _ = looked.next(); return 5 }) { done.resume() }
        }
        #expect(looked.count == 2)
    }

    /// However long the last pass took, the pause is at most `longest`.
    @Test func thePauseIsBounded() async {
        let pause = BurstPause(factor: 3, longest: 0.03, checks: 3)
        let arriving = Counter()
        let started = Date()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            pause.after(3600, waiting: { arriving.next() }) { done.resume() }
        }
        #expect(arriving.count == 4)
        #expect(Date().timeIntervalSince(started) < 30)
    }
}

/// Counts the calls to `next()`, answering a growing number.
private final class Counter: Sendable {
    private let value = Mutex(0)
    var count: Int { value.withLock { $0 } }
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
