import Dispatch
import Foundation

/// SIGINT and SIGTERM turned into something to await. Created before a long-running command
/// announces itself, so a signal that arrives right after the announcement is not lost.
final class TerminationSignals {
    private let signals: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(_ numbers: [Int32] = [SIGINT, SIGTERM]) {
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        self.signals = signals
        sources = numbers.map { number in
            // The dispatch source, not the default action, handles the signal from now on.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// Suspends until one of the signals arrives; returns its number.
    @discardableResult
    func wait() async -> Int32 {
        defer { sources.forEach { $0.cancel() } }
        for await number in signals { return number }
        return 0
    }
}
