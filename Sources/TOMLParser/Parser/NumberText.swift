/// Why a number token is invalid.
struct NumberProblem: Error {
    let reason: String
}

/// Validates and converts TOML integer and float tokens, reading the source bytes in place.
enum NumberText {
    static func parse(_ token: ArraySlice<UInt8>) -> Result<TOMLValue, NumberProblem> {
        if let special = specialFloat(token) { return .success(.float(special)) }
        guard let firstByte = token.first else { return .failure(NumberProblem(reason: "empty")) }
        let hasSign = firstByte == ASCII.plus || firstByte == ASCII.minus
        let digitsStart = hasSign ? token.startIndex + 1 : token.startIndex

        if digitsStart + 1 < token.endIndex && token[digitsStart] == UInt8(ascii: "0") {
            let radix: Int?
            switch token[digitsStart + 1] {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = nil
            }
            if let radix {
                if hasSign {
                    return .failure(NumberProblem(reason: "hexadecimal, octal and binary integers cannot have a sign"))
                }
                return parsePrefixed(token, from: digitsStart + 2, radix: radix)
            }
        }
        return parseDecimal(token, digitsStart: digitsStart, isNegative: firstByte == ASCII.minus)
    }

    /// `inf`, `nan` with an optional sign.
    private static func specialFloat(_ token: ArraySlice<UInt8>) -> Double? {
        guard token.count == 3 || token.count == 4, let last = token.last, last == UInt8(ascii: "f") || last == UInt8(ascii: "n") else {
            return nil
        }
        let word = token.suffix(3)
        let sign = token.count == 4 ? token.first : nil
        guard sign == nil || sign == ASCII.plus || sign == ASCII.minus else { return nil }
        if word.elementsEqual("inf".utf8) { return sign == ASCII.minus ? -.infinity : .infinity }
        if word.elementsEqual("nan".utf8) { return .nan }
        return nil
    }

    /// `0xDEAD_BEEF`, `0o755`, `0b1010`.
    private static func parsePrefixed(_ token: ArraySlice<UInt8>, from start: Int, radix: Int) -> Result<TOMLValue, NumberProblem> {
        guard let end = digitRunEnd(token, from: start, radix: radix), end > start else {
            return .failure(NumberProblem(reason: "expected base-\(radix) digits, with '_' only between digits"))
        }
        guard end == token.endIndex else {
            return .failure(NumberProblem(reason: "unexpected character in a base-\(radix) integer"))
        }
        return accumulate(token[start..<end], radix: radix, isNegative: false)
    }

    /// `-1_000`, `3.14`, `6.02e23`, `1E-7`.
    private static func parseDecimal(_ token: ArraySlice<UInt8>, digitsStart: Int, isNegative: Bool) -> Result<TOMLValue, NumberProblem> {
        guard let integerEnd = digitRunEnd(token, from: digitsStart, radix: 10), integerEnd > digitsStart else {
            return .failure(NumberProblem(reason: "expected digits, with '_' only between digits"))
        }
        if token[digitsStart] == UInt8(ascii: "0") && integerEnd - digitsStart > 1 {
            return .failure(NumberProblem(reason: "leading zeros are not allowed"))
        }
        var index = integerEnd
        var isFloat = false
        if index < token.endIndex && token[index] == ASCII.dot {
            isFloat = true
            guard let fractionEnd = digitRunEnd(token, from: index + 1, radix: 10), fractionEnd > index + 1 else {
                return .failure(NumberProblem(reason: "a decimal point must be followed by digits"))
            }
            index = fractionEnd
        }
        if index < token.endIndex && (token[index] | 0x20) == UInt8(ascii: "e") {
            isFloat = true
            index += 1
            if index < token.endIndex && (token[index] == ASCII.plus || token[index] == ASCII.minus) {
                index += 1
            }
            guard let exponentEnd = digitRunEnd(token, from: index, radix: 10), exponentEnd > index else {
                return .failure(NumberProblem(reason: "an exponent must have digits"))
            }
            index = exponentEnd
        }
        guard index == token.endIndex else {
            return .failure(NumberProblem(reason: "unexpected character '\(Character(Unicode.Scalar(token[index])))'"))
        }
        guard isFloat else {
            return accumulate(token[digitsStart..<integerEnd], radix: 10, isNegative: isNegative)
        }
        // The grammar is checked above; the standard library does the correctly rounded conversion.
        let digits = String(decoding: token.lazy.filter { $0 != ASCII.underscore }, as: UTF8.self)
        guard let value = Double(digits) else {
            return .failure(NumberProblem(reason: "not a valid float"))
        }
        return .success(.float(value))
    }

    /// Converts validated digits (underscores allowed). Negative numbers accumulate downwards
    /// so `Int.min` is representable.
    private static func accumulate(_ digits: ArraySlice<UInt8>, radix: Int, isNegative: Bool) -> Result<TOMLValue, NumberProblem> {
        var value = 0
        for byte in digits where byte != ASCII.underscore {
            guard let digit = ASCII.hexValue(byte) else { continue }
            let (shifted, multiplyOverflow) = value.multipliedReportingOverflow(by: radix)
            let (next, addOverflow) = isNegative
                ? shifted.subtractingReportingOverflow(Int(digit))
                : shifted.addingReportingOverflow(Int(digit))
            if multiplyOverflow || addOverflow {
                return .failure(NumberProblem(reason: "does not fit in a 64-bit signed integer"))
            }
            value = next
        }
        return .success(.integer(value))
    }

    /// The end of a run of digits in `radix` where each '_' sits between two digits,
    /// or nil if an underscore is misplaced.
    private static func digitRunEnd(_ token: ArraySlice<UInt8>, from start: Int, radix: Int) -> Int? {
        var index = start
        var previousWasDigit = false
        while index < token.endIndex {
            let byte = token[index]
            if let digit = ASCII.hexValue(byte), digit < radix {
                previousWasDigit = true
            } else if byte == ASCII.underscore {
                guard previousWasDigit, index + 1 < token.endIndex,
                      let next = ASCII.hexValue(token[index + 1]), next < radix else { return nil }
                previousWasDigit = false
            } else {
                break
            }
            index += 1
        }
        return index
    }
}
