import FoundationEssentials

/// RFC 3339 timestamps in UTC with whole seconds, as Starship documents them (`2024-01-15T10:30:00Z`).
///
/// `Date.ISO8601FormatStyle` (GMT by default, no time zone database needed) writes what
/// Foundation's `ISO8601DateFormatter` with `.withInternetDateTime` wrote, Julian calendar
/// before 1582 included, for every instant from 0001-01-01 to 506713-02-07 (TimestampTests
/// compares them). Outside that span the two differ (before year 1 ICU wrote the era year,
/// `0002-…` for `-0001-…`; far out each clamps at its own limit); only a lifetime set through
/// the API to thousands of years reaches there, `tokenman simulate` accepts ten at most.
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle()

    static func rfc3339(_ date: Date) -> String {
        style.format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}
