import Foundation
import Testing
@testable import PlatformSupport

@Suite struct DisplayTimeZoneTests {
    static let instants: [TimeInterval] = [
        0, -1, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 1_709_251_199 /* 2024-02-29 23:59:59 */, 1_796_183_000,
        -62_135_596_800 /* 0001-01-01 */, 253_402_300_799 /* 9999-12-31 23:59:59 */, 1_700_000_000.75, -0.5,
    ]

    /// `Calendar` at the same fixed offset: the reference the screens used before.
    static func reference(_ instant: TimeInterval, offset: Int) -> DisplayTimeZone.Reading? {
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: instant))
        guard let year = c.year, let month = c.month, let day = c.day, let hour = c.hour, let minute = c.minute, let second = c.second else {
            return nil
        }
        return DisplayTimeZone.Reading(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }

    @Test func fixedOffsetsAgreeWithCalendarInTheGregorianEra() {
        for offset in [0, 19_800, -28_800, 50_400] {
            // Foundation's calendar is Julian before 1582; compare from then on.
            for instant in Self.instants where instant > -12_219_292_800 {
                #expect(DisplayTimeZone(.fixed(offsetSeconds: offset)).reading(of: Date(timeIntervalSince1970: instant)) == Self.reference(instant, offset: offset), "\(instant) at \(offset)")
            }
        }
    }

    @Test func systemTimeFollowsLibcLocalTime() {
        let instant = Date(timeIntervalSince1970: 1_796_183_000)
        let reading = DisplayTimeZone.system.reading(of: instant)
        #expect(reading == Self.reference(1_796_183_000, offset: TimeZone.current.secondsFromGMT(for: instant)))
    }

    @Test func hugeInstantsDoNotTrap() {
        for instant in [1e300, -1e300, .infinity, -.infinity, .nan] {
            _ = DisplayTimeZone.utc.reading(of: Date(timeIntervalSince1970: instant))
            _ = DisplayTimeZone.system.reading(of: Date(timeIntervalSince1970: instant))
        }
        let reading = DisplayTimeZone.utc.reading(of: Date(timeIntervalSince1970: 0))
        #expect(reading.isSameDay(as: DisplayTimeZone.utc.reading(of: Date(timeIntervalSince1970: 86_399))))
        #expect(!reading.isSameDay(as: DisplayTimeZone.utc.reading(of: Date(timeIntervalSince1970: 86_400))))
    }
}
