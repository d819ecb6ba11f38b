import CheckedNumbers
import Foundation
import Testing

@Suite("Checked conversions")
struct CheckedConversionTests {
    @Test(arguments: [
        (1e20, Int.max), (-1e20, Int.min), (1e300, Int.max), (Double.infinity, Int.max),
        (-Double.infinity, Int.min), (Double(Int.max), Int.max), (Double.nan, 0),
        (41.9, 41), (-41.9, -41),
    ])
    func intClampsInsteadOfTrapping(value: Double, expected: Int) {
        #expect(Int(clamping: value) == expected)
    }

    @Test func roundingRuleIsApplied() {
        #expect(Int(clamping: 41.1, rounding: .up) == 42)
        #expect(Int(clamping: 41.9, rounding: .down) == 41)
        #expect(Int(clamping: -0.5, rounding: .up) == 0)
    }

    @Test(arguments: [1e300, 1e20, -1e18, -1e300, Double.infinity, -Double.infinity])
    func datesStayWithinYears1To9999(seconds: Double) throws {
        let date = try #require(Date(clampingSecondsSince1970: seconds))
        #expect(date >= Date.earliestStorable && date <= Date.latestStorable)
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date).year
        #expect(year == (seconds > 0 ? 9999 : 1))
    }

    @Test func storableBoundsAreTheRFC3339Range() {
        #expect(Date.earliestStorable.formatted(Date.ISO8601FormatStyle()) == "0001-01-01T00:00:00Z")
        #expect(Date.latestStorable.formatted(Date.ISO8601FormatStyle()) == "9999-12-31T23:59:59Z")
    }

    @Test func addingClampsAndIgnoresNaN() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(now.adding(clamped: 1e20) == Date.latestStorable)
        #expect(now.adding(clamped: -1e20) == Date.earliestStorable)
        #expect(now.adding(clamped: .nan) == now)
        #expect(now.adding(clamped: 60) == now + 60)
        // Exact, not rounded through seconds since 1970 (a 3600 s lifetime read as 3600.0000001).
        let received = Date()
        #expect(received.adding(clamped: 3600).timeIntervalSince(received) == 3600)
        #expect(Date(clampingSecondsSince1970: .nan) == nil)
        #expect(Date(timeIntervalSince1970: .nan).clampedToStorable == Date.earliestStorable)
        #expect(Date(timeIntervalSince1970: 1e300).clampedToStorable == Date.latestStorable)
    }
}
