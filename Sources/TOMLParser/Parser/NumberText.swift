/// Why a number token is invalid.
struct NumberProblem: Error {
    let reason: String
}

/// Validates and converts TOML integer and float tokens.
enum NumberText {
    static func parse(_ token: ArraySlice<UInt8>) -> Result<TOMLValue, NumberProblem> {
        let bytes = Array(token)
        switch String(decoding: bytes, as: UTF8.self) {
        case "inf", "+inf": return .success(.float(.infinity))
        case "-inf": return .success(.float(-.infinity))
        case "nan", "+nan", "-nan": return .success(.float(.nan))
        default: break
        }
        guard !bytes.isEmpty else { return .failure(NumberProblem(reason: "empty")) }
        var index = 0
        let hasSign = bytes[0] == ASCII.plus || bytes[0] == ASCII.minus
        if hasSign { index = 1 }

        if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "0") {
            let radix: Int?
            switch bytes[index + 1] {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = nil
            }
            if let radix {
                if hasSign {
                    return .failure(NumberProblem(reason: "hexadecimal, octal and binary integers cannot have a sign"))
                }
                return parsePrefixed(bytes, from: index + 2, radix: radix)
            }
        }
        return parseDecimal(bytes, digitsStart: index)
    }

    /// `0xDEAD_BEEF`, `0o755`, `0b1010`.
    private static func parsePrefixed(_ bytes: [UInt8], from start: Int, radix: Int) -> Result<TOMLValue, NumberProblem> {
        guard let end = digitRunEnd(bytes, from: start, radix: radix), end > start else {
            return .failure(NumberProblem(reason: "expected base-\(radix) digits, with '_' only between digits"))
        }
        guard end == bytes.count else {
            return .failure(NumberProblem(reason: "unexpected character in a base-\(radix) integer"))
        }
        var value = 0
        for byte in bytes[start..<end] where byte != ASCII.underscore {
            guard let digit = ASCII.hexValue(byte) else { continue }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(digit))
            if overflowA || overflowB {
                return .failure(NumberProblem(reason: "does not fit in a 64-bit signed integer"))
            }
            value = sum
        }
        return .success(.integer(value))
    }

    /// `-1_000`, `3.14`, `6.02e23`, `1E-7`.
    private static func parseDecimal(_ bytes: [UInt8], digitsStart: Int) -> Result<TOMLValue, NumberProblem> {
        guard let integerEnd = digitRunEnd(bytes, from: digitsStart, radix: 10), integerEnd > digitsStart else {
            return .failure(NumberProblem(reason: "expected digits, with '_' only between digits"))
        }
        if bytes[digitsStart] == UInt8(ascii: "0") && integerEnd - digitsStart > 1 {
            return .failure(NumberProblem(reason: "leading zeros are not allowed"))
        }
        var index = integerEnd
        var isFloat = false
        if index < bytes.count && bytes[index] == ASCII.dot {
            isFloat = true
            guard let fractionEnd = digitRunEnd(bytes, from: index + 1, radix: 10), fractionEnd > index + 1 else {
                return .failure(NumberProblem(reason: "a decimal point must be followed by digits"))
            }
            index = fractionEnd
        }
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            isFloat = true
            index += 1
            if index < bytes.count && (bytes[index] == ASCII.plus || bytes[index] == ASCII.minus) {
                index += 1
            }
            guard let exponentEnd = digitRunEnd(bytes, from: index, radix: 10), exponentEnd > index else {
                return .failure(NumberProblem(reason: "an exponent must have digits"))
            }
            index = exponentEnd
        }
        guard index == bytes.count else {
            return .failure(NumberProblem(reason: "unexpected character '\(Character(Unicode.Scalar(bytes[index])))'"))
        }
        let digits = String(decoding: bytes.lazy.filter { $0 != ASCII.underscore }, as: UTF8.self)
        if isFloat {
            guard let value = Double(digits) else {
                return .failure(NumberProblem(reason: "not a valid float"))
            }
            return .success(.float(value))
        }
        guard let value = Int(digits) else {
            return .failure(NumberProblem(reason: "does not fit in a 64-bit signed integer"))
        }
        return .success(.integer(value))
    }

    /// The end of a run of digits in `radix` where each '_' sits between two digits,
    /// or nil if an underscore is misplaced.
    private static func digitRunEnd(_ bytes: [UInt8], from start: Int, radix: Int) -> Int? {
        var index = start
        var previousWasDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if let digit = ASCII.hexValue(byte), digit < radix {
                previousWasDigit = true
            } else if byte == ASCII.underscore {
                guard previousWasDigit, index + 1 < bytes.count,
                      let next = ASCII.hexValue(bytes[index + 1]), next < radix else { return nil }
                previousWasDigit = false
            } else {
                break
            }
            index += 1
        }
        return index
    }
}
