/// Entry point of the TOML parser.
public enum TOML {
    /// Parses a TOML 1.0 document into its root table.
    /// Every table and key remembers the line it was defined on (see `TOMLTable.line(of:)`).
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = DocumentParser(text: text)
        return try parser.parseDocument()
    }

    /// Parses UTF-8 bytes (checked first: invalid UTF-8 is an error with its line and column),
    /// without the copy of the text that `parse(_:)` makes.
    public static func parse(utf8 bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        try requireUTF8(bytes)
        var parser = DocumentParser(scanner: ByteScanner(bytes: bytes))
        return try parser.parseDocument()
    }

    /// Parses like `parse(utf8:)`, but each element of the top-level array of tables `key`
    /// (`[[key]]` blocks) goes to `sink` as soon as the next `[[key]]` header shows it is
    /// complete, and is not kept: the returned root holds only the last element (a later
    /// `[key.sub]` header may still add to it). A large file of such blocks is then checked
    /// block by block without holding every block's tree at once. The elements reach `sink` in
    /// file order; a syntax error anywhere still fails the whole parse (possibly after some
    /// elements went to `sink`).
    public static func parse(
        utf8 bytes: [UInt8],
        streamingElementsOf key: String,
        to sink: @escaping (TOMLTable) -> Void
    ) throws(TOMLError) -> TOMLTable {
        try requireUTF8(bytes)
        var parser = DocumentParser(scanner: ByteScanner(bytes: bytes), streamed: (key, sink))
        return try parser.parseDocument()
    }

    private static func requireUTF8(_ bytes: [UInt8]) throws(TOMLError) {
        let ascii = bytes.withUnsafeBufferPointer { $0.allSatisfy { $0 < 0x80 } }
        if !ascii, let position = TOMLSource.firstInvalidUTF8(in: bytes) {
            throw TOMLError(line: position.line, column: position.column, message: "invalid UTF-8 (the file must be UTF-8 text)")
        }
    }
}
