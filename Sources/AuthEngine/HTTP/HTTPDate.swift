import FoundationEssentials
import PlatformSupport

/// Reads an HTTP-date (RFC 9110 §5.6.7): IMF-fixdate first ("Sun, 06 Nov 1994 08:49:37 GMT"),
/// then the two obsolete forms servers still send, RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT")
/// and asctime ("Sun Nov  6 08:49:37 1994"). Hand-written because Foundation's `DateFormatter`
/// brings ICU into the binary (issue 13's start-up cost); the grammar is small and fixed.
enum HTTPDate {
    static func parse(_ text: String, now: Date = Date()) -> Date? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { return nil }
        if first.hasSuffix(","), words.count == 6 {
            // IMF-fixdate: weekday, day month year time zone.
            guard weekday(first.dropLast()), let day = number(words[1], digits: 1...2), let month = month(words[2]),
                  let year = number(words[3], digits: 4...4), let time = time(words[4]), isGMT(words[5]) else { return nil }
            return date(year: year, month: month, day: day, time: time)
        }
        if first.hasSuffix(","), words.count == 4 {
            // RFC 850: weekday, day-month-yy time zone.
            let parts = words[1].split(separator: "-", omittingEmptySubsequences: false)
            guard weekday(first.dropLast()), parts.count == 3, let day = number(parts[0], digits: 1...2),
                  let month = month(parts[1]), let shortYear = number(parts[2], digits: 2...2),
                  let time = time(words[2]), isGMT(words[3]) else { return nil }
            return date(year: fullYear(shortYear, now: now), month: month, day: day, time: time)
        }
        if words.count == 5 {
            // asctime: weekday month day time year, always GMT.
            guard weekday(first), let month = month(words[1]), let day = number(words[2], digits: 1...2),
                  let time = time(words[3]), let year = number(words[4], digits: 4...4) else { return nil }
            return date(year: year, month: month, day: day, time: time)
        }
        return nil
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let longWeekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func weekday(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return weekdays.contains(lower) || longWeekdays.contains(lower)
    }

    /// 1 ... 12
    private static func month(_ word: Substring) -> Int? {
        months.firstIndex(of: word.lowercased()).map { $0 + 1 }
    }

    private static func isGMT(_ word: Substring) -> Bool {
        word == "GMT" || word == "UTC" || word == "UT"
    }

    private static func number(_ word: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(word.utf8.count), word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(word)
    }

    private static func time(_ word: Substring) -> (hour: Int, minute: Int, second: Int)? {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hour = number(parts[0], digits: 2...2), let minute = number(parts[1], digits: 2...2),
              let second = number(parts[2], digits: 2...2), hour < 24, minute < 60, second <= 60 else { return nil }
        return (hour, minute, second)
    }

    /// RFC 9110: a two-digit year more than 50 years in the future is in the past century.
    private static func fullYear(_ shortYear: Int, now: Date) -> Int {
        let currentYear = DisplayTimeZone.utc.reading(of: now).year
        let century = currentYear / 100 * 100
        let candidate = century + shortYear
        return candidate > currentYear + 50 ? candidate - 100 : candidate
    }

    private static func date(year: Int, month: Int, day: Int, time: (hour: Int, minute: Int, second: Int)) -> Date? {
        guard day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
        // days_from_civil; plain integer arithmetic, no time zone involved).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + time.hour * 3600 + time.minute * 60 + min(time.second, 59)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
