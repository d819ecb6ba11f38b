import Foundation
import Synchronization
import Testing
@testable import TokenManager

/// The UI's store readings are paced: one at a time, a pause after each that grows with its
/// cost, and calls that find one already waiting answered by it (the store watch reports this
/// process's own writes too, and a reading of 100,000 accounts costs ~100 ms).
@Suite struct StoreReadingPacerTests {
    private final class Counts: Sendable {
        let running = Atomic(0)
        let mostAtOnce = Atomic(0)
        let reads = Atomic(0)
    }

    @Test func aLoneReadingIsAtOnceAndTheNextWaitsItsPause() async {
        let pacer = StoreReadingPacer(minimumGap: .milliseconds(300), costFactor: 1)
        let clock = ContinuousClock()
        let first = await clock.measure { #expect(await pacer.paced { 1 } == 1) }
        #expect(first < .milliseconds(250))
        let second = await clock.measure { #expect(await pacer.paced { 2 } == 2) }
        #expect(second >= .milliseconds(250))
    }

    @Test func thePauseGrowsWithWhatTheReadingCost() async {
        let pacer = StoreReadingPacer(minimumGap: .milliseconds(1), costFactor: 10)
        _ = await pacer.paced { Thread.sleep(forTimeInterval: 0.05) }
        let next = await ContinuousClock().measure { _ = await pacer.paced { 0 } }
        #expect(next >= .milliseconds(400))
    }

    @Test func readingsNeverOverlapAndWaitingCallsShareOne() async {
        let pacer = StoreReadingPacer(minimumGap: .milliseconds(20), costFactor: 1)
        let counts = Counts()
        let answers = await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await pacer.paced { () -> Int in
                        let now = counts.running.add(1, ordering: .sequentiallyConsistent).newValue
                        counts.mostAtOnce.max(now, ordering: .sequentiallyConsistent)
                        Thread.sleep(forTimeInterval: 0.01)
                        counts.running.subtract(1, ordering: .sequentiallyConsistent)
                        return counts.reads.add(1, ordering: .sequentiallyConsistent).newValue
                    }
                }
            }
            var answers: [Int?] = []
            for await answer in group { answers.append(answer) }
            return answers
        }
        #expect(counts.mostAtOnce.load(ordering: .sequentiallyConsistent) == 1)
        // Some calls found one waiting and were answered by it: fewer readings than calls, and
        // every reading's answer went to exactly one call.
        let read = counts.reads.load(ordering: .sequentiallyConsistent)
        #expect(read < 20)
        #expect(answers.compactMap { $0 }.sorted() == Array(1...read))
    }
}
