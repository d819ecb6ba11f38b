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
        pending.withLock { pending in
            let messages = pending
            pending.removeAll(keepingCapacity: true)
            return messages
        }
    }
}
