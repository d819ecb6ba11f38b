import Foundation
@testable import ProviderSimulator
import TestSupport
import Testing

/// `Timestamp` against what it replaced: `ISO8601DateFormatter` with `.withInternetDateTime`
/// in UTC, fed the instant rounded down to a whole second.
@Suite struct TimestampTests {
    static func foundation(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }

    @Test func writesWhatISO8601DateFormatterWrote() {
        let fixed: [TimeInterval] = [
            0, -1, 1, 1_700_000_000, 1_700_000_000.999, 1_700_003_600, -0.5, 951_782_400, 951_868_800, 4_102_444_800,
            -2_208_988_800, -12_219_292_800, -12_219_292_801, -12_219_379_200, -62_135_769_600, 253_402_300_799,
            253_402_300_800, 1e11, 1e12, 1e13, 15_928_153_804_800,
        ]
        for seconds in fixed {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.rfc3339(date) == Self.foundation(date), "\(seconds)")
        }
        var generator = SeededGenerator(seed: 3339)
        for _ in 0..<5_000 {
            let seconds = Double(Int.random(in: -62_135_769_600...300_000_000_000, using: &generator)) + Double.random(in: 0..<1, using: &generator)
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.rfc3339(date) == Self.foundation(date), "\(seconds)")
        }
    }

    @Test func wholeSecondsInUTC() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 1_700_000_000.999)) == "2023-11-14T22:13:20Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }
}
