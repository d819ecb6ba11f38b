import FoundationEssentials
import PlatformSupport

/// RFC 3339 instants as providers write them: `2024-01-15T10:30:00Z`, with or without fractional
/// seconds, `Z` or a numeric offset. The one place tokenman reads and writes such text.
///
/// `Date.ISO8601FormatStyle` rather than `ISO8601DateFormatter`: the style is a Sendable value
/// that can be shared, and it does not load ICU, which made each formatter cost the cached
/// `tokenman token` path several milliseconds.
public enum RFC3339 {
    private static let whole = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Accepts whole or fractional seconds and any offset; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        if let date = parseCanonical(text) { return date }
        let trimmed = text.trimmedWhitespace()
        guard !trimmed.isEmpty else { return nil }
        return try? whole.parse(trimmed)
    }

    /// The form tokenman writes, `YYYY-MM-DDTHH:MM:SS[.fff]Z`, read without Foundation: the
    /// token store holds three such instants per account, and bridging each to NSString to trim
    /// it and then running the format style was a third of `tokenman list` at 10,000 accounts.
    /// nil for anything else (offsets, other fraction lengths, spaces, out-of-range fields, years
    /// before 1600, where Foundation's calendar is Julian), which
    /// `parse` then hands to the format style, so what is accepted and the dates returned are
    /// unchanged (a test compares both paths).
    static func parseCanonical(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parseCanonical(bytes: $0) }
    }

    /// `parseCanonical` of UTF-8 text: the token store's reader parses its dates in place.
    static func parseCanonical(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        let count = bytes.count
        guard count == 20 || count == 24, bytes[count - 1] == UInt8(ascii: "Z"),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func digits(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              year >= 1600, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var millis = 0
        if count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = digits(20, 3) else { return nil }
            millis = fraction
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        // From the reference date, as Foundation computes it: the same Double to the last bit
        // (adding the fraction to seconds since 1970 differs in about 1% of cases).
        return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(millis) / 1000)
    }

    /// `parse` of UTF-8 text: the canonical form read in place, anything else as text.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        parseCanonical(bytes: bytes) ?? parse(String(decoding: bytes, as: UTF8.self))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// UTC with a `Z`; milliseconds when `fractionalSeconds` (the token store keeps them).
    public static func format(_ date: Date, fractionalSeconds: Bool = false) -> String {
        date.formatted(fractionalSeconds ? fractional : whole)
    }
}
