import Synchronization

/// Messages arriving from other threads (effect results, subscriptions), queued under a
/// lock until the UI thread drains them between key waits.
final class Inbox<Message: Sendable>: Sendable {
    private let pending = Mutex<[Message]>([])

    func post(_ message: Message) {
        pending.withLock { $0.append(message) }
    }

    /// Everything posted so far, oldest first, leaving the inbox empty.
    func drain() -> [Message] {
        // Handing the array over (not copying it and emptying the original in place, which
        // made the copy reallocate): this runs on every wake of the UI loop, mostly empty.
        pending.withLock { pending in
            guard !pending.isEmpty else { return [] }
            defer { pending = [] }
            return pending
        }
    }
}
