import Foundation
import PlatformSupport
import Synchronization
import Testing

@Suite struct DetachedThreadManyTests {
    @Test func detachedThreadsRunTheirBody() {
        let ran = DispatchSemaphore(value: 0)
        let count = Atomic(0)
        for _ in 0..<20 {
            #expect(DetachedThread.start {
                count.add(1, ordering: .relaxed)
                ran.signal()
            } == 0)
        }
        for _ in 0..<20 { #expect(ran.wait(timeout: .now() + 5) == .success) }
        #expect(count.load(ordering: .relaxed) == 20)
    }

    @Test func sleepWaitsAtLeastTheInterval() {
        let start = ContinuousClock.now
        DetachedThread.sleep(seconds: 0.05)
        #expect(ContinuousClock.now - start >= .milliseconds(50))
        let instant = ContinuousClock.now
        DetachedThread.sleep(seconds: 0)
        DetachedThread.sleep(seconds: -1)
        DetachedThread.sleep(seconds: .nan)
        #expect(ContinuousClock.now - instant < .seconds(1))
    }
}
