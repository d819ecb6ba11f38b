import Foundation

/// `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
/// A server's wait is capped at a day: a larger one is hostile or broken, and waiting it
/// out would park the account for good (the person can still retry by hand).
enum RetryAfter {
    static let maximumSeconds: TimeInterval = 86_400

    static func parse(_ raw: String, now: Date) -> TimeInterval? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // Digits too many for an Int are a very long wait, not a parse error.
            return min(Int(text).map(TimeInterval.init) ?? maximumSeconds, maximumSeconds)
        }
        guard let date = httpDate(text) else { return nil }
        return min(max(0, date.timeIntervalSince(now)), maximumSeconds)
    }

    /// IMF-fixdate first, then the two obsolete forms servers still send.
    static func httpDate(_ text: String) -> Date? {
        let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]
        for format in formats {
            // DateFormatter is not Sendable; a fresh one per call keeps this free of shared state
            // (Retry-After is rare, so the cost does not matter).
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
