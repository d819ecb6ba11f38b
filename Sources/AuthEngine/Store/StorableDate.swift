import Foundation

/// The instants the token store can write and read back: RFC 3339 years 0001 through 9999.
enum StorableDate {
    /// 0001-01-01T00:00:00Z (proleptic Gregorian; Foundation writes it as 0001-01-03).
    static let earliest = Date(timeIntervalSince1970: -62_135_596_800)
    /// 9999-12-31T23:59:59Z.
    static let latest = Date(timeIntervalSince1970: 253_402_300_799)

    /// `date` moved into the range; NaN (not a time at all) becomes the earliest, which reads
    /// as long expired: the safe side for an expiry.
    static func clamped(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        guard !seconds.isNaN else { return earliest }
        return min(max(date, earliest), latest)
    }
}
