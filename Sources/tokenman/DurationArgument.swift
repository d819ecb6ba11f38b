import ArgumentParser
import AuthEngine
import FoundationEssentials

/// A duration on the command line: "90", "90s", "5m", "1h30m" (like the config's durations).
struct DurationArgument: ExpressibleByArgument, Sendable {
    var seconds: TimeInterval

    init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    init?(argument: String) {
        guard let seconds = DurationParser.seconds(argument), seconds >= 0 else { return nil }
        self.seconds = seconds
    }

    static var defaultCompletionKind: CompletionKind { .list(["30s", "1m", "5m", "15m"]) }

    /// How help shows a default: "0s", "5m" (not the struct's debug description).
    var defaultValueDescription: String { seconds == 0 ? "0s" : DurationParser.describe(seconds) }
}
