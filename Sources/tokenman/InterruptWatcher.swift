import Foundation

/// SIGINT, SIGTERM and SIGHUP as values, while `tokenman demo` sets up or runs without a UI, so
/// an interrupt still ends in the demo's clean-up instead of killing the process mid-way.
final class InterruptWatcher: @unchecked Sendable {
    private static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var received: [Int32] = []
    private var waiter: CheckedContinuation<Int32, Never>?

    init() {
        sources = Self.watched.map { number in
            signal(number, SIG_IGN)  // the dispatch source, not the default action, handles it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.deliver(number) }
            source.resume()
            return source
        }
    }

    /// A signal that arrived already, if any.
    func pending() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received.first
    }

    /// Waits for the next signal (or returns one that already arrived).
    func next() async -> Int32 {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let first = received.first {
                lock.unlock()
                continuation.resume(returning: first)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    /// Hands the signals back to their default actions (for the UI, which installs its own).
    func stop() {
        lock.lock()
        let current = sources
        sources = []
        lock.unlock()
        current.forEach { $0.cancel() }
        Self.watched.forEach { signal($0, SIG_DFL) }
    }

    private func deliver(_ number: Int32) {
        lock.lock()
        received.append(number)
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(returning: number)
    }
}
