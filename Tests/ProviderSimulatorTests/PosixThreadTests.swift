import Foundation
@testable import ProviderSimulator
import Synchronization
import Testing

@Suite struct PosixThreadTests {
    @Test func detachedThreadsRunTheirBody() {
        let ran = DispatchSemaphore(value: 0)
        let count = Atomic(0)
        for _ in 0..<20 {
            #expect(PosixThread.detach {
                count.add(1, ordering: .relaxed)
                ran.signal()
            } == 0)
        }
        for _ in 0..<20 { #expect(ran.wait(timeout: .now() + 5) == .success) }
        #expect(count.load(ordering: .relaxed) == 20)
    }

    @Test func sleepWaitsAtLeastTheInterval() {
        let start = ContinuousClock.now
        PosixThread.sleep(0.05)
        #expect(ContinuousClock.now - start >= .milliseconds(50))
        let instant = ContinuousClock.now
        PosixThread.sleep(0)
        PosixThread.sleep(-1)
        PosixThread.sleep(.nan)
        #expect(ContinuousClock.now - instant < .seconds(1))
    }
}
