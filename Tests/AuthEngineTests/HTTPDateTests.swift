import Foundation
import Testing
@testable import AuthEngine

/// `HTTPDate` replaced three `DateFormatter` patterns (issue 13: no ICU in the binary); it must
/// read what they read.
@Suite struct HTTPDateTests {
    /// The formatter-based reader it replaced, kept here as the reference.
    static func formatterDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    @Test func readsTheThreeFormsLikeTheFormatters() {
        let texts = [
            "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
            "Tue, 14 Nov 2023 22:14:05 GMT", "Thu, 29 Feb 2024 23:59:59 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT", "Wednesday, 01-Jan-25 12:00:00 GMT", "Mon Jan 15 10:00:00 2024",
        ]
        for text in texts {
            let expected = Self.formatterDate(text)
            #expect(expected != nil, "reference reads \(text)")
            #expect(HTTPDate.parse(text) == expected, "\(text)")
        }
    }

    @Test func refusesWhatIsNotADate() {
        for text in [
            "", "soon", "Sun, 06 Nov 1994 08:49:37", "Sun, 31 Feb 2024 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 06 Nov 99999 08:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT GMT", "Funday, 06 Nov 1994 08:49:37 GMT", "Sun, -6 Nov 1994 08:49:37 GMT",
        ] {
            #expect(HTTPDate.parse(text) == nil, "\(text)")
        }
    }

    @Test func twoDigitYearsMoreThanFiftyYearsAheadAreInThePast() {
        let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026
        #expect(HTTPDate.parse("Monday, 01-Jan-74 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 3_281_990_400))  // 2074
        #expect(HTTPDate.parse("Tuesday, 01-Jan-80 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 315_532_800))  // 1980
    }
}
