/// Finds the members of a JSON object and the byte range of each member's value, checking that
/// the text is well-formed JSON as it goes.
///
/// Why not `JSONDecoder` for the whole store: one account's entry that cannot be decoded (a
/// date out of range, a missing field) must not make every other account unreadable, and it
/// must be written back byte for byte, not re-serialized from a lossy parse. With the ranges,
/// each entry is decoded on its own and an unreadable one is kept as the bytes it was.
/// Errors give an offset and a reason, never the text (it holds tokens).
struct JSONMemberScanner {
    struct Member: Equatable {
        let key: String
        let range: Range<Int>
    }

    struct Failure: Error, Equatable {
        let offset: Int
        let reason: String
    }

    let bytes: [UInt8]
    /// Where the text ends in `bytes`: a chunk of a file being read may fill only part of its
    /// buffer (see `TokenStoreStream`).
    let end: Int
    private(set) var index: Int
    private var depth: Int
    private static let maxDepth = 256

    /// The members of the object that makes up the whole of `bytes` (a UTF-8 BOM is skipped).
    static func members(ofDocument bytes: [UInt8]) throws(Failure) -> [Member] {
        var scanner = JSONMemberScanner(bytes: bytes, index: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        scanner.skipWhitespace()
        let members = try scanner.objectMembers()
        scanner.skipWhitespace()
        guard scanner.index == scanner.end else { throw scanner.fail("text after the JSON object") }
        return members
    }

    /// The members of the object at `range` (a member's value from an earlier scan), or nil
    /// when that value is not an object.
    static func members(of range: Range<Int>, in bytes: [UInt8]) throws(Failure) -> [Member]? {
        var scanner = JSONMemberScanner(bytes: bytes, index: range.lowerBound)
        guard scanner.peek == UInt8(ascii: "{") else { return nil }
        return try scanner.objectMembers()
    }

    private init(bytes: [UInt8], index: Int) {
        self.init(bytes: bytes, index: index, end: bytes.count, depth: 0)
    }

    /// A scanner of `bytes[..<end]` from `index`, inside `depth` objects and arrays: the streaming
    /// reader's, which walks the document's outer objects itself and scans one member at a time.
    init(bytes: [UInt8], index: Int, end: Int, depth: Int) {
        self.bytes = bytes
        self.index = index
        self.end = end
        self.depth = depth
    }

    var peek: UInt8? { index < end ? bytes[index] : nil }

    func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

    /// Steps over one byte already looked at with `peek`.
    mutating func advance() { index += 1 }

    mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard peek == byte else { throw fail("expected \(what)") }
        index += 1
    }

    private mutating func objectMembers() throws(Failure) -> [Member] {
        var members: [Member] = []
        try forEachMember { key, range in members.append(Member(key: key, range: range)) }
        return members
    }

    /// Walks an object, calling `body` with each member's name and value range in order. With no
    /// `body` it only checks the object: member names are skipped, not built as strings (every
    /// account entry is a nested object, and most are only stepped over).
    private mutating func forEachMember(_ body: ((String, Range<Int>) -> Void)?) throws(Failure) {
        try expect(UInt8(ascii: "{"), "an object")
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("nested too deeply") }
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key: String?
            if body == nil {
                try skipString()
                key = nil
            } else {
                key = try string()
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "\":\"")
            skipWhitespace()
            let start = index
            try skipValue()
            if let body, let key { body(key, start..<index) }
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return
            default: throw fail("expected \",\" or \"}\"")
            }
        }
    }

    private mutating func skipArray() throws(Failure) {
        try expect(UInt8(ascii: "["), "an array")
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("nested too deeply") }
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try skipValue()
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return
            default: throw fail("expected \",\" or \"]\"")
            }
        }
    }

    mutating func skipValue() throws(Failure) {
        guard let byte = peek else { throw fail("unexpected end of text") }
        switch byte {
        case UInt8(ascii: "{"): try forEachMember(nil)
        case UInt8(ascii: "["): try skipArray()
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("unexpected character")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard index + expected.count <= end, Array(bytes[index..<index + expected.count]) == expected else {
            throw fail("unexpected character")
        }
        index += expected.count
    }

    /// RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func number() throws(Failure) {
        if peek == UInt8(ascii: "-") { index += 1 }
        if peek == UInt8(ascii: "0") {
            index += 1
        } else {
            guard try digits() > 0 else { throw fail("malformed number") }
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard try digits() > 0 else { throw fail("malformed number") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard try digits() > 0 else { throw fail("malformed number") }
        }
    }

    private mutating func digits() throws(Failure) -> Int {
        var count = 0
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            index += 1
            count += 1
        }
        return count
    }

    /// Reads a string starting at its opening quote and returns it unescaped.
    mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""), "a string")
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek else { throw fail("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0x00..<0x20:
                throw fail("control character in a string")
            default:
                utf8.append(byte)
            }
        }
    }

    /// `string` without building the text: the same checks and failures.
    private mutating func skipString() throws(Failure) {
        try expect(UInt8(ascii: "\""), "a string")
        var escaped: [UInt8] = [] // Only escapes write here; empty arrays do not allocate.
        while true {
            guard let byte = peek else { throw fail("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"): try escape(into: &escaped)
            case 0x00..<0x20: throw fail("control character in a string")
            default: break
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(Failure) {
        guard let byte = peek else { throw fail("unterminated string") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), bytes[index..<end].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
                index += 2
                let low = try hex4()
                scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
            }
            utf8.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
        default:
            throw fail("bad escape in a string")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= end else { throw fail("bad \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Self.hexValue(byte) else { throw fail("bad \\u escape") }
            value = value * 16 + digit
        }
        index += 4
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
