import FoundationEssentials
import PlatformSupport

/// `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
/// A server's wait is capped at a day: a larger one is hostile or broken, and waiting it
/// out would park the account for good (the person can still retry by hand).
enum RetryAfter {
    static let maximumSeconds: TimeInterval = 86_400

    static func parse(_ raw: String, now: Date) -> TimeInterval? {
        let text = raw.trimmedWhitespace()
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // Digits too many for an Int are a very long wait, not a parse error.
            return min(Int(text).map(TimeInterval.init) ?? maximumSeconds, maximumSeconds)
        }
        guard let date = httpDate(text) else { return nil }
        return min(max(0, date.timeIntervalSince(now)), maximumSeconds)
    }

    static func httpDate(_ text: String) -> Date? {
        HTTPDate.parse(text)
    }
}
