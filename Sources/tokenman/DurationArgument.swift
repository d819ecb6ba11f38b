import ArgumentParser
import Foundation

/// A duration on the command line: "90", "90s", "5m", "1h30m" (like the config's durations).
struct DurationArgument: ExpressibleByArgument, Sendable {
    var seconds: TimeInterval

    init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    init?(argument: String) {
        guard let seconds = Self.parse(argument), seconds >= 0 else { return nil }
        self.seconds = seconds
    }

    static var defaultCompletionKind: CompletionKind { .list(["30s", "1m", "5m", "15m"]) }

    private static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(trimmed), plain.isFinite { return plain }
        var total: TimeInterval = 0
        var digits = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(digits) else { return false }
            let scale: TimeInterval
            switch unit {
            case "ms": scale = 0.001
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            case "d": scale = 86400
            default: return false
            }
            total += value * scale
            digits = ""
            unit = ""
            return true
        }
        for character in trimmed {
            if character.isASCII, character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                digits.append(character)
            } else if character.isASCII, character.isLetter {
                guard !digits.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard !digits.isEmpty, !unit.isEmpty, flush() else { return nil }
        return total
    }
}
