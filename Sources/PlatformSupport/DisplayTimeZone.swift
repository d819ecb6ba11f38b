import CheckedNumbers
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The zone instants are shown in, as calendar date and time of day: in the system's local time (libc's
/// `localtime_r`, which follows `TZ` and /etc/localtime) or at a fixed offset (tests pin UTC).
///
/// Why not `TimeZone`/`Calendar`: without FoundationInternationalization (ICU, dropped for its
/// start-up cost in issue 13) `TimeZone.current` is always GMT and named zones do not exist.
public struct DisplayTimeZone: Sendable, Equatable {
    public enum Zone: Sendable, Equatable {
        case system
        case fixed(offsetSeconds: Int)
    }

    public var zone: Zone

    public init(_ zone: Zone) {
        self.zone = zone
    }

    public static let system = DisplayTimeZone(.system)
    public static let utc = DisplayTimeZone(.fixed(offsetSeconds: 0))

    /// A calendar date and time of day, and the offset from UTC it was read at.
    public struct Reading: Sendable, Equatable {
        public var year, month, day, hour, minute, second: Int
        public var offsetSeconds: Int

        public func isSameDay(as other: Reading) -> Bool {
            year == other.year && month == other.month && day == other.day
        }
    }

    public func reading(of date: Date) -> Reading {
        // Whole seconds, rounded down (as Calendar did); clamped to ±300,000 years so the
        // calendar arithmetic below cannot overflow on a hostile instant.
        let limit = 10_000_000_000_000
        let seconds = min(max(Int(clamping: date.timeIntervalSince1970, rounding: .down), -limit), limit)
        switch zone {
        case .fixed(let offset):
            return Self.civil(seconds: seconds, offset: offset)
        case .system:
            var time = time_t(clamping: seconds)
            var parts = tm()
            guard localtime_r(&time, &parts) != nil else { return Self.civil(seconds: seconds, offset: 0) }
            return Reading(
                year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec),
                offsetSeconds: Int(parts.tm_gmtoff)
            )
        }
    }

    /// Proleptic Gregorian date and time of `seconds` since 1970 at `offset` (Howard Hinnant's
    /// civil_from_days).
    static func civil(seconds: Int, offset: Int) -> Reading {
        let (shifted, overflow) = seconds.addingReportingOverflow(offset)
        let local = overflow ? seconds : shifted
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Reading(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60,
            offsetSeconds: overflow ? 0 : offset
        )
    }
}
