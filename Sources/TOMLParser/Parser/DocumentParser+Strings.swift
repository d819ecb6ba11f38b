/// The four string forms. Runs of plain bytes are copied in one go; only escapes and
/// normalised line breaks are handled byte by byte.
extension DocumentParser {
    /// `"basic \t string"`, on one line, with escapes.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let opening = scanner.mark
        scanner.advance()
        var decoded: [UInt8] = []
        var runStart = scanner.offset
        while let byte = scanner.current {
            switch byte {
            case ASCII.quote:
                let text: String
                if decoded.isEmpty {
                    // No escapes (the common case): decode straight from the source bytes.
                    text = scanner.text(from: runStart, to: scanner.offset)
                } else {
                    decoded.append(contentsOf: scanner.bytes[runStart..<scanner.offset])
                    text = String(decoding: decoded, as: UTF8.self)
                }
                scanner.advance()
                return text
            case ASCII.backslash:
                decoded.append(contentsOf: scanner.bytes[runStart..<scanner.offset])
                try parseEscape(into: &decoded)
                runStart = scanner.offset
            case ASCII.lineFeed, ASCII.carriageReturn:
                throw scanner.error("unterminated string: missing closing '\"' before end of line", at: opening)
            default:
                try rejectControlCharacter(byte, in: "a string")
                scanner.advance()
            }
        }
        throw scanner.error("unterminated string: missing closing '\"'", at: opening)
    }

    /// `'literal string'`: no escapes, on one line.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let opening = scanner.mark
        scanner.advance()
        let start = scanner.offset
        while let byte = scanner.current {
            switch byte {
            case ASCII.apostrophe:
                let text = scanner.text(from: start, to: scanner.offset)
                scanner.advance()
                return text
            case ASCII.lineFeed, ASCII.carriageReturn:
                throw scanner.error("unterminated string: missing closing \"'\" before end of line", at: opening)
            default:
                try rejectControlCharacter(byte, in: "a string")
                scanner.advance()
            }
        }
        throw scanner.error("unterminated string: missing closing \"'\"", at: opening)
    }

    /// `"""multi-line basic"""`: escapes, a line-ending backslash joins lines, CRLF becomes LF.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        try parseMultilineString(delimiter: ASCII.quote, allowsEscapes: true)
    }

    /// `'''multi-line literal'''`: taken as written, except that CRLF becomes LF.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        try parseMultilineString(delimiter: ASCII.apostrophe, allowsEscapes: false)
    }

    private mutating func parseMultilineString(delimiter: UInt8, allowsEscapes: Bool) throws(TOMLError) -> String {
        let opening = scanner.mark
        scanner.advance(3)
        // A line break right after the opening delimiter is not part of the string.
        _ = scanner.consumeLineBreak()
        var decoded: [UInt8] = []
        var runStart = scanner.offset
        while let byte = scanner.current {
            switch byte {
            case delimiter:
                // Up to two delimiter characters may sit right before the closing three.
                var runLength = 1
                while scanner.peek(runLength) == delimiter { runLength += 1 }
                if runLength < 3 {
                    scanner.advance(runLength)
                    continue
                }
                if runLength > 5 {
                    throw scanner.error("too many consecutive quotes in multi-line string (escape them or split the run)")
                }
                decoded.append(contentsOf: scanner.bytes[runStart..<scanner.offset + runLength - 3])
                scanner.advance(runLength)
                return String(decoding: decoded, as: UTF8.self)
            case ASCII.backslash where allowsEscapes:
                decoded.append(contentsOf: scanner.bytes[runStart..<scanner.offset])
                if isLineEndingBackslash() {
                    skipWhitespaceAfterLineEndingBackslash()
                } else {
                    try parseEscape(into: &decoded)
                }
                runStart = scanner.offset
            case ASCII.lineFeed:
                _ = scanner.consumeLineBreak()
            case ASCII.carriageReturn:
                decoded.append(contentsOf: scanner.bytes[runStart..<scanner.offset])
                guard scanner.consumeLineBreak() else {
                    throw scanner.error("carriage return must be followed by a line feed")
                }
                decoded.append(ASCII.lineFeed)
                runStart = scanner.offset
            default:
                try rejectControlCharacter(byte, in: "a string")
                scanner.advance()
            }
        }
        let closing = delimiter == ASCII.quote ? "\"\"\"" : "'''"
        throw scanner.error("unterminated multi-line string: missing closing \(closing)", at: opening)
    }

    /// A backslash followed only by blanks up to the end of the line.
    private func isLineEndingBackslash() -> Bool {
        var distance = 1
        while let byte = scanner.peek(distance), ASCII.isBlank(byte) { distance += 1 }
        let next = scanner.peek(distance)
        return next == ASCII.lineFeed || (next == ASCII.carriageReturn && scanner.peek(distance + 1) == ASCII.lineFeed)
    }

    /// Drops the backslash and all blanks and line breaks up to the next other character.
    private mutating func skipWhitespaceAfterLineEndingBackslash() {
        scanner.advance()
        while let byte = scanner.current {
            if ASCII.isBlank(byte) {
                scanner.advance()
            } else if !scanner.consumeLineBreak() {
                return
            }
        }
    }

    // MARK: Escapes

    /// Decodes the escape at the cursor (a backslash) and appends its UTF-8 bytes.
    private mutating func parseEscape(into decoded: inout [UInt8]) throws(TOMLError) {
        let backslash = scanner.mark
        scanner.advance()
        guard let code = scanner.current else {
            throw scanner.error("incomplete escape sequence at end of file", at: backslash)
        }
        let simple: UInt8?
        switch code {
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"): simple = ASCII.tab
        case UInt8(ascii: "n"): simple = ASCII.lineFeed
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = ASCII.carriageReturn
        case ASCII.quote: simple = ASCII.quote
        case ASCII.backslash: simple = ASCII.backslash
        case UInt8(ascii: "u"), UInt8(ascii: "U"): simple = nil
        default:
            let shown = code == ASCII.lineFeed || code == ASCII.carriageReturn || ASCII.isForbiddenControl(code)
                ? "backslash followed by \(scanner.describedCurrent)"
                : "\"\\\(scanner.describedCurrent.dropFirst().dropLast())\""
            throw scanner.error(
                "invalid escape sequence \(shown); valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX",
                at: backslash)
        }
        if let simple {
            decoded.append(simple)
            scanner.advance()
            return
        }
        let digitCount = code == UInt8(ascii: "u") ? 4 : 8
        scanner.advance()
        var scalarValue: UInt32 = 0
        for distance in 0..<digitCount {
            guard let byte = scanner.peek(distance), let digit = ASCII.hexValue(byte) else {
                throw scanner.error(
                    "invalid escape sequence: \\\(Character(Unicode.Scalar(code))) needs exactly \(digitCount) hex digits",
                    at: backslash)
            }
            scalarValue = scalarValue << 4 | digit
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            let hex = String(scalarValue, radix: 16, uppercase: true)
            throw scanner.error(
                "invalid escape sequence: U+\(hex) is not a Unicode scalar value (surrogate or beyond U+10FFFF)",
                at: backslash)
        }
        scanner.advance(digitCount)
        decoded.append(contentsOf: String(Character(scalar)).utf8)
    }

    private func rejectControlCharacter(_ byte: UInt8, in context: String) throws(TOMLError) {
        if ASCII.isForbiddenControl(byte) {
            throw scanner.error(
                "control character \(ByteScanner.codePoint(byte)) is not allowed in \(context); write it as an escape")
        }
    }
}
