import Foundation

/// RFC 3339 timestamps in UTC with whole seconds, as Starship documents them (`2024-01-15T10:30:00Z`).
enum Timestamp {
    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}
