import FoundationEssentials

/// Parses a request body into a `JSONValue`, accepting and refusing what
/// `JSONSerialization.jsonObject(with:)` did before the module left Foundation, so that clients
/// get the same answers (JSONReaderTests compares the two). That includes its leniencies: a
/// trailing comma in an array or object, UTF-16 and UTF-32 bodies (told by a BOM or by zero
/// bytes), the last of duplicate keys winning; and its limits: 512 levels of nesting, numbers
/// that overflow a Double refused.
struct JSONReader {
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The value of a complete JSON text, or nil when it is not one.
    static func value(of data: Data) -> JSONValue? {
        guard let utf8 = utf8Bytes(of: data) else { return nil }
        var reader = JSONReader(bytes: utf8)
        reader.skipWhitespace()
        guard let value = reader.readValue() else { return nil }
        reader.skipWhitespace()
        return reader.index == utf8.count ? value : nil
    }

    // MARK: Encodings

    /// The body as UTF-8, after the encoding detection JSON texts had in Foundation (RFC 4627's).
    private static func utf8Bytes(of data: Data) -> [UInt8]? {
        let bytes = [UInt8](data)
        let (encoding, skip) = detectEncoding(bytes)
        let text = bytes[skip...]
        if encoding == .utf8 { return Array(text) }
        return String(bytes: text, encoding: encoding).map { Array($0.utf8) }
    }

    private static func detectEncoding(_ b: [UInt8]) -> (String.Encoding, skip: Int) {
        let count = b.count
        if count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
        if count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return (.utf32BigEndian, 4) }
        if count >= 2, b[0] == 0xFF, b[1] == 0xFE {
            return count >= 4 && b[2] == 0 && b[3] == 0 ? (.utf32LittleEndian, 4) : (.utf16LittleEndian, 2)
        }
        if count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BigEndian, 2) }
        if count >= 4 {
            switch (b[0], b[1], b[2], b[3]) {
            case (0, 0, 0, _): return (.utf32BigEndian, 0)
            case (_, 0, 0, 0): return (.utf32LittleEndian, 0)
            case (0, _, 0, _): return (.utf16BigEndian, 0)
            case (_, 0, _, 0): return (.utf16LittleEndian, 0)
            default: return (.utf8, 0)
            }
        }
        if count >= 2 {
            if b[0] == 0 { return (.utf16BigEndian, 0) }
            if b[1] == 0 { return (.utf16LittleEndian, 0) }
        }
        return (.utf8, 0)
    }

    // MARK: Values

    private var current: UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    private mutating func readValue() -> JSONValue? {
        guard let byte = current else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return readObject()
        case UInt8(ascii: "["): return readArray()
        case UInt8(ascii: "\""): return readString().map(JSONValue.string)
        case UInt8(ascii: "t"): return readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return readLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return readNumber()
        default: return nil
        }
    }

    private mutating func readLiteral(_ word: String, _ value: JSONValue) -> JSONValue? {
        for expected in word.utf8 {
            guard current == expected else { return nil }
            index += 1
        }
        return value
    }

    /// `[` already current. Recursion is bounded by `maximumDepth`, so a body of a million `[`
    /// cannot exhaust a connection thread's stack.
    private mutating func readArray() -> JSONValue? {
        guard depth < Self.maximumDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = readValue() else { return nil }
            elements.append(element)
            skipWhitespace()
            switch current {
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") {  // a trailing comma, which Foundation allowed
                    index += 1
                    return .array(elements)
                }
            default:
                return nil
            }
        }
    }

    /// `{` already current.
    private mutating func readObject() -> JSONValue? {
        guard depth < Self.maximumDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        index += 1
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(fields)
        }
        while true {
            guard current == UInt8(ascii: "\""), let key = readString() else { return nil }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhitespace()
            guard let value = readValue() else { return nil }
            fields[key] = value
            skipWhitespace()
            switch current {
            case UInt8(ascii: "}"):
                index += 1
                return .object(fields)
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    index += 1
                    return .object(fields)
                }
            default:
                return nil
            }
        }
    }

    // MARK: Strings

    /// `"` already current. Raw runs are checked as UTF-8 one at a time, between escapes, with
    /// the same conversion Foundation used (it also drops a byte-order mark opening a run).
    private mutating func readString() -> String? {
        index += 1
        var result = ""
        var runStart = index
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                guard let run = String(bytes: bytes[runStart..<index], encoding: .utf8) else { return nil }
                index += 1
                return result + run
            case UInt8(ascii: "\\"):
                guard let run = String(bytes: bytes[runStart..<index], encoding: .utf8) else { return nil }
                result += run
                index += 1
                guard let escaped = readEscape() else { return nil }
                result.unicodeScalars.append(escaped)
                runStart = index
            case 0x00..<0x20:
                return nil  // control characters must be escaped
            default:
                index += 1
            }
        }
        return nil
    }

    /// The character after a backslash (already consumed).
    private mutating func readEscape() -> Unicode.Scalar? {
        guard let byte = current else { return nil }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default: return nil
        }
        guard let unit = readHex4() else { return nil }
        guard unit & 0xFC00 == 0xD800 else { return Unicode.Scalar(unit) }  // nil for a lone low surrogate
        // A high surrogate must be followed by an escaped low one.
        guard current == UInt8(ascii: "\\") else { return nil }
        index += 1
        guard current == UInt8(ascii: "u") else { return nil }
        index += 1
        guard let low = readHex4(), low & 0xFC00 == 0xDC00 else { return nil }
        return Unicode.Scalar(0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00))
    }

    private mutating func readHex4() -> UInt16? {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = current else { return nil }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    // MARK: Numbers

    /// RFC 8259's number grammar. Foundation also refused a number that overflows a Double and
    /// one not followed by whitespace, `,`, `]`, `}` or the end of the text.
    private mutating func readNumber() -> JSONValue? {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            guard skipDigits() else { return nil }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { return nil }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { return nil }
        }
        switch current {
        case nil, 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
        default: return nil
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if let integer = Int(text) { return .int(integer) }
        guard let number = Double(text), number.isFinite else { return nil }
        return .double(number)
    }

    /// Skips one or more digits; false when there is none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            index += 1
        }
        return index > start
    }
}
