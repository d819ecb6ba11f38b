import CheckedNumbers
import FoundationEssentials
import PlatformSupport

/// Parses the config's durations: "90s", "2m", "1h", "1h30m", "500ms", or a bare number of
/// seconds. Returns nil for anything else. Shared by the config and the CLI's `--min-valid`.
public enum DurationParser {
    /// A century: longer than any token lifetime or timeout means anything, and short enough
    /// that adding it to today stays within the years a date can be written in.
    public static let maximumSeconds: TimeInterval = 100 * 365 * 86_400

    /// Whole units for messages: "1ms", "90s", "5m", "2h", "100d".
    public static func describe(_ seconds: TimeInterval) -> String {
        if seconds < 1 { return "\(Int(clamping: seconds * 1000, rounding: .up))ms" }
        for (unit, scale) in [("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where seconds >= scale && seconds.truncatingRemainder(dividingBy: scale) == 0 {
            return "\(Int(clamping: seconds / scale))\(unit)"
        }
        return "\(Int(clamping: seconds, rounding: .up))s"
    }

    /// nil for anything that is not a duration, and for values too large to mean anything
    /// (`99999999999999999999s` would overflow every later conversion).
    public static func seconds(_ text: String) -> TimeInterval? {
        guard let total = parse(text), total.isFinite, total <= maximumSeconds else { return nil }
        return total
    }

    private static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmedWhitespace()
        if let plain = Double(trimmed), plain.isFinite { return plain }
        var total: TimeInterval = 0
        var digits = ""
        var unit = ""
        var sawComponent = false
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
            sawComponent = true
            return true
        }
        for character in trimmed {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                digits.append(character)
            } else if character.isLetter {
                guard !digits.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard !digits.isEmpty, flush(), sawComponent else { return nil }
        return total
    }
}
