import Foundation

/// Messages arriving from other threads (effect results, subscriptions), queued under a
/// lock until the UI thread drains them between key waits.
final class Inbox<Message: Sendable>: @unchecked Sendable {
    // @unchecked: `pending` is only touched while `lock` is held.
    private let lock = NSLock()
    private var pending: [Message] = []

    func post(_ message: Message) {
        lock.lock()
        pending.append(message)
        lock.unlock()
    }

    /// Everything posted so far, oldest first, leaving the inbox empty.
    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let messages = pending
        pending.removeAll(keepingCapacity: true)
        return messages
    }
}
