/// Durations for people: `14m05s`, `2h03m`, `3d04h`, `expired`; `-` for none.
enum DurationText {
    static func format(_ seconds: Int?) -> String {
        var out: [UInt8] = []
        append(seconds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `format` as ASCII bytes appended to `out`: `tokenman list` writes two of these for each
    /// of thousands of rows, and building a String for each showed in its time.
    static func append(_ seconds: Int?, to out: inout [UInt8]) {
        guard let seconds else {
            out.append(UInt8(ascii: "-"))
            return
        }
        if seconds <= 0 {
            out += "expired".utf8
            return
        }
        let days = seconds / 86_400, hours = (seconds % 86_400) / 3600
        let minutes = (seconds % 3600) / 60, rest = seconds % 60
        if days > 0 {
            appendDecimal(days, to: &out)
            out.append(UInt8(ascii: "d"))
            appendTwoDigits(hours, to: &out)
            out.append(UInt8(ascii: "h"))
        } else if hours > 0 {
            appendDecimal(hours, to: &out)
            out.append(UInt8(ascii: "h"))
            appendTwoDigits(minutes, to: &out)
            out.append(UInt8(ascii: "m"))
        } else if minutes > 0 {
            appendDecimal(minutes, to: &out)
            out.append(UInt8(ascii: "m"))
            appendTwoDigits(rest, to: &out)
            out.append(UInt8(ascii: "s"))
        } else {
            appendDecimal(rest, to: &out)
            out.append(UInt8(ascii: "s"))
        }
    }

    /// The decimal digits of `value` (≥ 0).
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var divisor = 1
        while value / divisor >= 10 { divisor *= 10 }  // At most 10^18: no overflow.
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Two digits, `05` for 5 (hours, minutes and seconds within a larger unit).
    private static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        if value < 10 { out.append(UInt8(ascii: "0")) }
        appendDecimal(value, to: &out)
    }
}
