/// Recognises and validates the TOML date-time forms, which are kept as text:
/// offset date-time `1979-05-27T07:32:00.999-07:00`, local date-time `1979-05-27 07:32:00`,
/// local date `1979-05-27` and local time `07:32:00.5`.
enum DateTimeText {
    /// Exactly `YYYY-MM-DD`.
    static func isFullDate(_ token: ArraySlice<UInt8>) -> Bool {
        token.count == 10 && startsWithDate(token)
    }

    /// Starts like a date (`YYYY-`) or a time (`HH:`); such a token is never a valid number.
    static func looksLikeDateTime(_ token: ArraySlice<UInt8>) -> Bool {
        let start = token.startIndex
        if token.count >= 5 && token[start..<start + 4].allSatisfy(ASCII.isDigit) && token[start + 4] == ASCII.minus {
            return true
        }
        return token.count >= 3 && ASCII.isDigit(token[start]) && ASCII.isDigit(token[start + 1])
            && token[start + 2] == ASCII.colon
    }

    private static func startsWithDate(_ token: ArraySlice<UInt8>) -> Bool {
        guard token.count >= 10 else { return false }
        for (index, byte) in token.prefix(10).enumerated() {
            let isSeparator = index == 4 || index == 7
            if isSeparator ? byte != ASCII.minus : !ASCII.isDigit(byte) { return false }
        }
        return true
    }

    /// Nil when `token` is a valid TOML date-time, otherwise what is wrong with it.
    static func problem(in token: ArraySlice<UInt8>) -> String? {
        var reader = FixedFieldReader(bytes: Array(token))
        var hasDate = false
        if startsWithDate(token) {
            hasDate = true
            guard let year = reader.number(digits: 4), reader.skip(ASCII.minus),
                  let month = reader.number(digits: 2), reader.skip(ASCII.minus),
                  let day = reader.number(digits: 2) else { return "expected YYYY-MM-DD" }
            guard (1...12).contains(month) else { return "month must be 01 to 12" }
            guard (1...daysIn(month: month, year: year)).contains(day) else {
                return "day \(day) does not exist in month \(month)"
            }
            if reader.isAtEnd { return nil }
            guard let separator = reader.next(),
                  separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == ASCII.space else {
                return "expected 'T' or a space between date and time"
            }
        }
        guard let hour = reader.number(digits: 2), reader.skip(ASCII.colon),
              let minute = reader.number(digits: 2) else { return "expected HH:MM:SS" }
        guard reader.skip(ASCII.colon), let second = reader.number(digits: 2) else {
            return "seconds are required (HH:MM:SS)"
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return "time out of range" }
        if reader.skip(ASCII.dot) {
            guard reader.digitRun() > 0 else { return "expected digits after '.' in the seconds" }
        }
        if reader.isAtEnd { return nil }
        guard hasDate else { return "a local time cannot have a time zone offset" }
        guard let offsetStart = reader.next() else { return nil }
        if offsetStart == UInt8(ascii: "Z") || offsetStart == UInt8(ascii: "z") {
            return reader.isAtEnd ? nil : "unexpected characters after 'Z'"
        }
        guard offsetStart == ASCII.plus || offsetStart == ASCII.minus,
              let offsetHour = reader.number(digits: 2), reader.skip(ASCII.colon),
              let offsetMinute = reader.number(digits: 2), reader.isAtEnd else {
            return "expected a time zone offset such as Z or +01:00"
        }
        guard offsetHour <= 23, offsetMinute <= 59 else { return "time zone offset out of range" }
        return nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads fixed-width numeric fields left to right.
private struct FixedFieldReader {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index >= bytes.count }

    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        index += 1
        return bytes[index - 1]
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    mutating func digitRun() -> Int {
        let start = index
        while index < bytes.count && ASCII.isDigit(bytes[index]) { index += 1 }
        return index - start
    }
}
