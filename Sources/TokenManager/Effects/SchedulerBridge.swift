import AuthEngine
import Foundation
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
        // Ticked every second rather than `scheduler.run()`, which sleeps until the next due
        // token it knew of: a login in this UI must be seen at once, not after that sleep.
        let runner = Task.detached {
            while !Task.isCancelled {
                _ = await scheduler.tick()
                try? await Task.sleep(for: .seconds(1))
            }
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

    func stop() {
        let old = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        old.forEach { $0.cancel() }
        continuation.finish()
    }
}
