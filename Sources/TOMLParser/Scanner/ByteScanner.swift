/// A position in the source, cheap to capture; the column is computed only when an error needs it.
struct SourceMark {
    let offset: Int
    let line: Int
    let lineStart: Int
}

/// A cursor over the document's UTF-8 bytes that keeps track of the current line.
///
/// Lines only advance through `consumeLineBreak()`, so every path that steps over a newline
/// (between statements, in arrays, inside multi-line strings) must use it.
struct ByteScanner {
    let bytes: [UInt8]
    private(set) var offset = 0
    private(set) var line = 1
    private(set) var lineStart = 0

    init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// `bytes` must be valid UTF-8 (see `TOMLSource.firstInvalidUTF8`): parsing them in place
    /// saves a second copy of a large file's text.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is not part of the document (editors on Windows add one).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
            lineStart = 3
        }
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte under the cursor, or nil at the end of the document.
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// The byte `distance` bytes ahead of the cursor, or nil past the end.
    func peek(_ distance: Int) -> UInt8? {
        let index = offset + distance
        return index < bytes.count ? bytes[index] : nil
    }

    var mark: SourceMark { SourceMark(offset: offset, line: line, lineStart: lineStart) }

    /// Moves forward over bytes that are not line breaks.
    mutating func advance(_ count: Int = 1) {
        offset += count
    }

    var isAtLineBreak: Bool {
        current == ASCII.lineFeed || (current == ASCII.carriageReturn && peek(1) == ASCII.lineFeed)
    }

    /// Consumes `\n` or `\r\n` and starts a new line. Returns false (consuming nothing) otherwise.
    mutating func consumeLineBreak() -> Bool {
        if current == ASCII.lineFeed {
            offset += 1
        } else if current == ASCII.carriageReturn && peek(1) == ASCII.lineFeed {
            offset += 2
        } else {
            return false
        }
        line += 1
        lineStart = offset
        return true
    }

    mutating func skipBlanks() {
        while offset < bytes.count && ASCII.isBlank(bytes[offset]) {
            offset += 1
        }
    }

    func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // MARK: Errors

    func error(_ message: String, at mark: SourceMark) -> TOMLError {
        // Count Unicode scalars, not bytes, so the column matches what an editor shows.
        var column = 1
        var index = mark.lineStart
        while index < mark.offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return TOMLError(line: mark.line, column: column, message: message)
    }

    func error(_ message: String) -> TOMLError {
        error(message, at: mark)
    }

    /// A readable name for the character under the cursor: `'x'`, `end of line`, `control character U+0000`.
    var describedCurrent: String {
        guard let byte = current else { return "end of file" }
        if byte == ASCII.lineFeed || byte == ASCII.carriageReturn { return "end of line" }
        if ASCII.isForbiddenControl(byte) { return "control character \(Self.codePoint(byte))" }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(text(from: offset, to: end))'"
    }

    /// An error for an unexpected character. Control characters get a message of their own,
    /// because they are invisible in an editor and "found ''" would be baffling.
    func unexpectedCharacter(expected: String) -> TOMLError {
        if let byte = current, ASCII.isForbiddenControl(byte) {
            return error("control character \(Self.codePoint(byte)) is not allowed in TOML (expected \(expected))")
        }
        if current == ASCII.carriageReturn && peek(1) != ASCII.lineFeed {
            return error("carriage return must be followed by a line feed (expected \(expected))")
        }
        return error("expected \(expected), found \(describedCurrent)")
    }

    static func codePoint(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
