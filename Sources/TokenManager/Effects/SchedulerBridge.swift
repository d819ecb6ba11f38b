import AuthEngine
import FoundationEssentials
import Synchronization

/// Runs the engine's refresh scheduler in the background and turns its events into
/// messages for the UI loop. Restarted when the accounts change.
final class SchedulerBridge: Sendable {
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let continuation: AsyncStream<AppMessage>.Continuation
    /// Messages from outside update: scheduler events. Handed to `Program.subscriptions`.
    let messages: AsyncStream<AppMessage>

    init() {
        (messages, continuation) = AsyncStream.makeStream(of: AppMessage.self, bufferingPolicy: .bufferingNewest(512))
    }

    func start(service: AccountService, lead: TimeInterval) {
        let scheduler = service.makeScheduler(policy: RefreshPolicy(lead: lead))
        let continuation = self.continuation
        // `run()` sleeps until the next due token or backoff end rather than re-reading the
        // store every second; a login in this UI writes through the service's store, which
        // nudges the scheduler, so it is still seen at once. A change of accounts restarts it.
        let runner = Task.detached {
            await scheduler.run()
        }
        let forwarder = Task.detached {
            for await event in scheduler.events { continuation.yield(.schedulerReported(event)) }
        }
        let old = tasks.withLock { tasks in
            defer { tasks = [runner, forwarder] }
            return tasks
        }
        old.forEach { $0.cancel() }
    }

    /// Hands `message` to the UI loop with the scheduler's events (the store watch uses it).
    func post(_ message: AppMessage) {
        continuation.yield(message)
    }

    func stop() {
        let old = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        old.forEach { $0.cancel() }
        continuation.finish()
    }
}
