/// Turns a file's bytes into text for `TOML.parse`, refusing invalid UTF-8 with the position of
/// the first bad byte (TOML files must be UTF-8). Foundation's `String(contentsOfFile:)` only
/// says "The file isn't in the correct format", which sends a person hunting through the file.
public enum TOMLSource {
    public static func decode<Bytes: Collection>(_ bytes: Bytes) throws(TOMLError) -> String where Bytes.Element == UInt8 {
        // All-ASCII text (nearly every config) is valid as it is: one tight loop over contiguous
        // bytes instead of the generic scalar-by-scalar walk, which was slow for large files.
        let ascii: String?? = bytes.withContiguousStorageIfAvailable { buffer in
            buffer.allSatisfy { $0 < 0x80 } ? String(decoding: buffer, as: UTF8.self) : nil
        }
        if let ascii = ascii ?? nil { return ascii }
        if let position = firstInvalidUTF8(in: bytes) {
            throw TOMLError(line: position.line, column: position.column, message: "invalid UTF-8 (the file must be UTF-8 text)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 1-based line and column (in scalars, as `TOMLError` counts) of the first byte that does
    /// not start or continue a well-formed UTF-8 sequence; nil when all of it is valid.
    public static func firstInvalidUTF8<Bytes: Collection>(in bytes: Bytes) -> (line: Int, column: Int)? where Bytes.Element == UInt8 {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let lead = bytes[index]
            let length = sequenceLength(lead)
            guard length > 0, let end = bytes.index(index, offsetBy: length, limitedBy: bytes.endIndex) else {
                return (line, column)
            }
            if length > 1 {
                let tail = bytes[bytes.index(after: index)..<end]
                guard tail.allSatisfy({ $0 & 0xC0 == 0x80 }), isShortestForm(lead, second: tail[tail.startIndex]) else {
                    return (line, column)
                }
            }
            if lead == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = end
        }
        return nil
    }

    /// Bytes in the sequence a lead byte starts; 0 for bytes that cannot lead (continuations,
    /// 0xC0/0xC1 and 0xF5...: overlong or beyond U+10FFFF).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// Rules out overlong 3/4-byte forms, UTF-16 surrogates (ED A0..BF) and values past U+10FFFF.
    private static func isShortestForm(_ lead: UInt8, second: UInt8) -> Bool {
        switch lead {
        case 0xE0: return second >= 0xA0
        case 0xED: return second <= 0x9F
        case 0xF0: return second >= 0x90
        case 0xF4: return second <= 0x8F
        default: return true
        }
    }
}
