/// One part of a dotted key, with where it was written (errors point at the part at fault).
struct KeySegment {
    let name: String
    let mark: SourceMark
}

/// A key as parsed: `name` or `a.b.c`. The first part is kept apart so the common single-part
/// key needs no array allocation.
struct ParsedKey {
    let first: KeySegment
    var rest: [KeySegment] = []

    var count: Int { rest.count + 1 }
    var last: KeySegment { rest.last ?? first }
    var segments: [KeySegment] { [first] + rest }

    subscript(index: Int) -> KeySegment {
        index == 0 ? first : rest[index - 1]
    }
}

/// Recursive-descent parser for a whole TOML document.
///
/// This file holds the statement level: lines, table headers, keys and the table-definition
/// rules. Values live in the `DocumentParser+*.swift` extensions.
struct DocumentParser {
    var scanner: ByteScanner
    private let root = TableNode(line: 0, origin: .root)
    /// The table that key/value lines go into: the root, then whichever header came last.
    private var currentTable: TableNode
    /// How deep the value being parsed sits below the root: the current header's parts, the
    /// parts of every key on the way, and each enclosing array or inline table. Bounded, because
    /// every level is a stack frame when the document is frozen and later destroyed: without it
    /// a valid file with a 29,000-part dotted key overflowed the stack.
    var nestingDepth = 0
    static let maximumNestingDepth = 100
    /// The parts of the last `[header]`: where key/value lines start counting depth.
    private var currentTableDepth = 0
    /// A top-level array of tables whose finished elements are handed over instead of kept
    /// (see `TOML.parse(utf8:streamingElementsOf:to:)`).
    private let streamed: (key: String, sink: (TOMLTable) -> Void)?

    init(text: String) {
        self.init(scanner: ByteScanner(text: text))
    }

    init(scanner: ByteScanner, streamed: (key: String, sink: (TOMLTable) -> Void)? = nil) {
        self.scanner = scanner
        self.streamed = streamed
        currentTable = root
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        while true {
            scanner.skipBlanks()
            guard let byte = scanner.current else { break }
            switch byte {
            case ASCII.lineFeed, ASCII.carriageReturn:
                try consumeLineBreak()
            case ASCII.hash:
                try skipComment()
            case ASCII.leftBracket:
                try parseTableHeader()
                try expectEndOfLine(after: "table header")
            default:
                nestingDepth = currentTableDepth
                try parseKeyValue(into: currentTable)
                try expectEndOfLine(after: "value")
            }
        }
        return root.freeze()
    }

    // MARK: Lines and comments

    private mutating func consumeLineBreak() throws(TOMLError) {
        guard scanner.consumeLineBreak() else {
            throw scanner.error("carriage return must be followed by a line feed")
        }
    }

    /// Skips `# ...` up to (not including) the line break.
    mutating func skipComment() throws(TOMLError) {
        scanner.advance()  // '#'
        while let byte = scanner.current, byte != ASCII.lineFeed, byte != ASCII.carriageReturn {
            if ASCII.isForbiddenControl(byte) {
                throw scanner.error("control character \(ByteScanner.codePoint(byte)) is not allowed in a comment")
            }
            scanner.advance()
        }
    }

    /// After a statement only blanks and a comment may follow before the line ends.
    private mutating func expectEndOfLine(after what: String) throws(TOMLError) {
        scanner.skipBlanks()
        if scanner.current == ASCII.hash {
            try skipComment()
        }
        guard let byte = scanner.current else { return }
        if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
            try consumeLineBreak()
            return
        }
        if ASCII.isForbiddenControl(byte) {
            throw scanner.unexpectedCharacter(expected: "end of line after \(what)")
        }
        throw scanner.error("unexpected \(scanner.describedCurrent) after \(what); expected end of line or a comment")
    }

    // MARK: Keys

    /// Parses `key`, `"quoted key"` or `a.b."c"`, allowing blanks around the dots.
    private mutating func parseKey() throws(TOMLError) -> ParsedKey {
        var key = ParsedKey(first: try parseSimpleKey())
        while true {
            scanner.skipBlanks()
            guard scanner.current == ASCII.dot else { return key }
            scanner.advance()
            scanner.skipBlanks()
            if nestingDepth + key.count >= Self.maximumNestingDepth {
                throw scanner.error("keys and tables are nested too deeply (more than \(Self.maximumNestingDepth) levels)")
            }
            key.rest.append(try parseSimpleKey())
        }
    }

    private mutating func parseSimpleKey() throws(TOMLError) -> KeySegment {
        let mark = scanner.mark
        switch scanner.current {
        case ASCII.quote:
            if scanner.peek(1) == ASCII.quote && scanner.peek(2) == ASCII.quote {
                throw scanner.error("a key cannot be a multi-line string")
            }
            return KeySegment(name: try parseBasicString(), mark: mark)
        case ASCII.apostrophe:
            if scanner.peek(1) == ASCII.apostrophe && scanner.peek(2) == ASCII.apostrophe {
                throw scanner.error("a key cannot be a multi-line string")
            }
            return KeySegment(name: try parseLiteralString(), mark: mark)
        default:
            let start = scanner.offset
            while let byte = scanner.current, ASCII.isBareKeyByte(byte) {
                scanner.advance()
            }
            guard scanner.offset > start else {
                throw scanner.unexpectedCharacter(expected: "a key")
            }
            return KeySegment(name: scanner.text(from: start, to: scanner.offset), mark: mark)
        }
    }

    /// `a."b.c".d` as the user would write it, for messages.
    static func display(_ segments: some Collection<KeySegment>) -> String {
        segments.map { segment in
            let name = segment.name
            if !name.isEmpty && name.utf8.allSatisfy(ASCII.isBareKeyByte) { return name }
            var quoted = "\""
            for character in name.unicodeScalars {
                switch character {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                default: quoted.unicodeScalars.append(character)
                }
            }
            return quoted + "\""
        }.joined(separator: ".")
    }

    /// The key in double quotes, as messages show it: `key "a.b"`.
    static func quoted(_ segments: some Collection<KeySegment>) -> String {
        "\"" + display(segments) + "\""
    }

    static func quoted(_ key: ParsedKey) -> String {
        quoted(key.segments)
    }

    static func quoted(_ key: ParsedKey, upTo index: Int) -> String {
        quoted(key.segments[...index])
    }

    // MARK: Key/value pairs

    /// Parses `key = value` and stores it in `table` (the current table, or an inline table being built).
    mutating func parseKeyValue(into table: TableNode) throws(TOMLError) {
        let key = try parseKey()
        guard scanner.current == ASCII.equals else {
            if scanner.isAtEnd || scanner.current == ASCII.lineFeed || scanner.current == ASCII.carriageReturn {
                throw scanner.error("expected '=' after key \(Self.quoted(key)) before end of line")
            }
            throw scanner.error("expected '=' after key \(Self.quoted(key)), found \(scanner.describedCurrent)")
        }
        scanner.advance()
        scanner.skipBlanks()
        switch scanner.current {
        case nil, ASCII.lineFeed, ASCII.carriageReturn, ASCII.hash:
            throw scanner.error("missing value for key \(Self.quoted(key))")
        default:
            break
        }
        // The value sits below every part of its key: `a.b = [[…]]` is as deep as `a = {b = [[…]]}`.
        nestingDepth += key.count
        defer { nestingDepth -= key.count }
        let value = try parseValue()
        try insert(value, at: key, into: table)
    }

    /// Stores a value under a (possibly dotted) key, creating the intermediate tables.
    /// Dotted keys may only pass through tables that dotted keys created; anything else would
    /// add keys to a table defined elsewhere, which TOML forbids.
    private func insert(_ value: TOMLValue, at key: ParsedKey, into table: TableNode) throws(TOMLError) {
        var target = table
        for index in 0..<key.count - 1 {
            let segment = key[index]
            guard let entry = target.lookup(segment.name) else {
                let created = TableNode(line: segment.mark.line, origin: .dottedKey)
                target.addChild(segment.name, .table(created), line: segment.mark.line)
                target = created
                continue
            }
            var quotedPath: String { Self.quoted(key, upTo: index) }
            switch entry.slot {
            case .table(let existing) where existing.origin == .dottedKey:
                target = existing
            case .table:
                throw scanner.error(
                    "cannot add key \(Self.quoted(key)): table \(quotedPath) was already defined on line \(entry.line)",
                    at: segment.mark)
            case .tableArray:
                throw scanner.error(
                    "cannot add key \(Self.quoted(key)): \(quotedPath) is an array of tables (line \(entry.line))",
                    at: segment.mark)
            case .value(let existing):
                throw Self.notExtendable(quotedPath, existing, line: entry.line, scanner: scanner, at: segment.mark)
            }
        }
        let last = key.last
        if let firstLine = target.addValue(last.name, value, line: last.mark.line) {
            throw scanner.error("duplicate key \(Self.quoted(key)) (first defined on line \(firstLine))", at: key.first.mark)
        }
    }

    private static func notExtendable(
        _ path: String, _ value: TOMLValue, line: Int, scanner: ByteScanner, at mark: SourceMark
    ) -> TOMLError {
        switch value {
        case .table:
            scanner.error("inline table \(path) (line \(line)) cannot be extended", at: mark)
        case .array:
            scanner.error("key \(path) is already an array (line \(line)) and cannot be used as a table", at: mark)
        default:
            scanner.error("key \(path) is already defined as \(article(value.typeName)) on line \(line)", at: mark)
        }
    }

    private static func article(_ noun: String) -> String {
        (noun.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + noun
    }

    // MARK: Table headers

    /// Parses `[a.b]` or `[[a.b]]` and makes that table current.
    private mutating func parseTableHeader() throws(TOMLError) {
        let headerMark = scanner.mark
        let isArray = scanner.peek(1) == ASCII.leftBracket
        scanner.advance(isArray ? 2 : 1)
        scanner.skipBlanks()
        nestingDepth = 0
        let key = try parseKey()
        currentTableDepth = key.count
        let closing = isArray ? "]]" : "]"
        guard scanner.current == ASCII.rightBracket, !isArray || scanner.peek(1) == ASCII.rightBracket else {
            throw scanner.error("expected '\(closing)' to close table header, found \(scanner.describedCurrent)")
        }
        scanner.advance(isArray ? 2 : 1)
        currentTable = try openTable(key, isArray: isArray, line: headerMark.line)
    }

    private func openTable(_ parsedKey: ParsedKey, isArray: Bool, line: Int) throws(TOMLError) -> TableNode {
        let key = parsedKey.segments
        let last = parsedKey.last
        var parent = root
        for (index, segment) in key.dropLast().enumerated() {
            guard let entry = parent.lookup(segment.name) else {
                let created = TableNode(line: line, origin: .implicit)
                parent.addChild(segment.name, .table(created), line: line)
                parent = created
                continue
            }
            switch entry.slot {
            case .table(let existing):
                parent = existing
            case .tableArray(let array):
                // `[fruit.physical]` after `[[fruit]]` belongs to the latest fruit.
                guard let latest = array.elements.last else { return root }
                parent = latest
            case .value(let existing):
                throw Self.notExtendable(
                    Self.quoted(key[...index]), existing, line: entry.line, scanner: scanner, at: segment.mark)
            }
        }

        var header: String { isArray ? "[[\(Self.display(key))]]" : "[\(Self.display(key))]" }
        guard let entry = parent.lookup(last.name) else {
            let created = TableNode(line: line, origin: .header)
            parent.addChild(last.name, isArray ? .tableArray(TableArrayNode(first: created)) : .table(created), line: line)
            return created
        }
        switch entry.slot {
        case .tableArray(let array) where isArray:
            let created = TableNode(line: line, origin: .header)
            if let streamed, parent === root, key.count == 1, last.name == streamed.key, let finished = array.elements.last {
                // No later header can reach an element before the last one, so the previous
                // element is complete: hand it over and keep only the new one.
                streamed.sink(finished.freeze())
                array.elements = [created]
            } else {
                array.elements.append(created)
            }
            return created
        case .tableArray:
            throw scanner.error(
                "cannot define table \(header): \(Self.quoted(key)) is an array of tables (line \(entry.line)); "
                    + "use [[\(Self.display(key))]] to add an element",
                at: last.mark)
        case .table where isArray:
            throw scanner.error(
                "cannot define array of tables \(header): \(Self.quoted(key)) is already a table (line \(entry.line))",
                at: last.mark)
        case .table(let existing):
            switch existing.origin {
            case .implicit:
                // `[a]` after `[a.b]`: the table existed only as a parent until now.
                existing.origin = .header
                existing.line = line
                parent.setLine(line, ofChild: last.name)
                return existing
            case .dottedKey:
                throw scanner.error(
                    "table \(header) was already defined by dotted keys on line \(entry.line)", at: last.mark)
            case .root, .header, .inline:
                throw scanner.error("table \(header) was already defined on line \(entry.line)", at: last.mark)
            }
        case .value(let existing):
            throw Self.notExtendable(Self.quoted(key), existing, line: entry.line, scanner: scanner, at: last.mark)
        }
    }
}
