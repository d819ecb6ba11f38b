import Foundation
import Testing
@testable import AuthEngine

@Suite struct RFC3339Tests {
    private let style = Date.ISO8601FormatStyle()

    /// The hand-written path must return exactly what the format style returns.
    @Test func canonicalPathAgreesWithTheFormatStyle() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["1600-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z", "2000-02-29T23:59:59.999Z",
                     "2024-12-31T12:34:56.001Z", "9999-12-31T23:59:59.999Z", "2100-03-01T00:00:00Z"]
        for _ in 0..<3000 {
            let seconds = Double(Int64.random(in: -11_000_000_000...253_402_300_799, using: &generator))
            let millis = Double(Int.random(in: 0...999, using: &generator)) / 1000
            let date = Date(timeIntervalSince1970: seconds + millis)
            texts.append(RFC3339.format(date, fractionalSeconds: Bool.random(using: &generator)))
        }
        for text in texts {
            let fast = try #require(RFC3339.parseCanonical(text), "\(text)")
            let slow = try style.parse(text)
            #expect(fast == slow, "\(text): \(fast.timeIntervalSinceReferenceDate) vs \(slow.timeIntervalSinceReferenceDate)")
        }
    }

    @Test func otherFormsAreLeftToTheFormatStyle() {
        for text in ["2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
                     "2024-01-01T00:00:00+02:00", "2024-01-01T00:00:00.5Z", " 2024-01-01T00:00:00Z",
                     "1500-01-01T00:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00z", "２024-01-01T00:00:00Z"] {
            #expect(RFC3339.parseCanonical(text) == nil, "\(text)")
        }
        #expect(RFC3339.parse(" 2024-01-01T00:00:00Z ") == RFC3339.parse("2024-01-01T00:00:00Z"))
        #expect(RFC3339.parse("2024-01-01T02:00:00+02:00") == RFC3339.parse("2024-01-01T00:00:00Z"))
        #expect(RFC3339.parse("") == nil)
    }
}
