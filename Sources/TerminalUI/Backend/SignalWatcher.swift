import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the run loop checks, instead of letting
/// them kill the process with the terminal still in raw mode. The signals are ignored at
/// the process level (so ncurses does not install its own handlers for them either) and
/// observed through dispatch sources, whose handlers may do ordinary work: record the
/// signal and wake the loop.
final class SignalWatcher: @unchecked Sendable {
    // @unchecked: `received` is only touched while `lock` is held; sources are set up and
    // torn down on the loop's thread.
    static let watchedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    func start(onSignal wake: @escaping @Sendable () -> Void) {
        for number in SignalWatcher.watchedSignals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                if self.received == nil { self.received = number }
                self.lock.unlock()
                wake()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received since the last call, if any.
    func take() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        let value = received
        received = nil
        return value
    }

    func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in SignalWatcher.watchedSignals { signal(number, SIG_DFL) }
    }
}
