import Dispatch
import Synchronization

/// One pass at a time over whatever calls have queued up: the mechanism behind the store's
/// coalescing queues (`TokenStoreWriteQueue`, `TokenStoreReadQueue`). The call that finds no
/// pass running starts one on a Dispatch worker (off the cooperative pool: a pass blocks on
/// the file); each pass takes every item queued so far; while items keep arriving, the next
/// pass waits as `pause` says, so that it takes most of a burst.
final class CoalescingPasses<Item: Sendable>: Sendable {
    private let state = Mutex<(queue: [Item], running: Bool, passes: Int)>(([], false, 0))
    private let pause: BurstPause

    init(pause: BurstPause) {
        self.pause = pause
    }

    /// Items waiting for the next pass.
    var waitingCount: Int { state.withLock { $0.queue.count } }
    /// Passes made so far.
    var passCount: Int { state.withLock { $0.passes } }

    /// Queues `item`. If no pass is running, passes start, each handing its batch to `pass`,
    /// until the queue is empty (every caller of one queue hands the same `pass`).
    func add(_ item: Item, pass: @escaping @Sendable ([Item]) -> Void) {
        let starts = state.withLock { state in
            state.queue.append(item)
            guard !state.running else { return false }
            state.running = true
            return true
        }
        if starts { DispatchQueue.global().async { self.drain(pass) } }
    }

    private func drain(_ pass: @escaping @Sendable ([Item]) -> Void) {
        let batch = state.withLock { state in
            let batch = state.queue
            state.queue = []
            if batch.isEmpty { state.running = false } else { state.passes += 1 }
            return batch
        }
        guard !batch.isEmpty else { return }
        let started = DispatchTime.now()
        pass(batch)
        let took = BurstPause.seconds(since: started)
        let waiting = state.withLock { state in
            if state.queue.isEmpty { state.running = false }
            return state.queue.count
        }
        guard waiting > 0 else { return }
        pause.after(took, waiting: { self.waitingCount }) { self.drain(pass) }
    }
}
