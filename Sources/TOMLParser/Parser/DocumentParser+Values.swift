/// Values: dispatch on the first byte, arrays and inline tables.
extension DocumentParser {
    mutating func parseValue() throws(TOMLError) -> TOMLValue {
        guard let byte = scanner.current else {
            throw scanner.error("expected a value, found end of file")
        }
        switch byte {
        case ASCII.quote:
            if scanner.peek(1) == ASCII.quote && scanner.peek(2) == ASCII.quote {
                return .string(try parseMultilineBasicString())
            }
            return .string(try parseBasicString())
        case ASCII.apostrophe:
            if scanner.peek(1) == ASCII.apostrophe && scanner.peek(2) == ASCII.apostrophe {
                return .string(try parseMultilineLiteralString())
            }
            return .string(try parseLiteralString())
        case ASCII.leftBracket:
            return try parseArray()
        case ASCII.leftBrace:
            return try parseInlineTable()
        case _ where ASCII.isDigit(byte) || ASCII.isLetter(byte) || byte == ASCII.plus || byte == ASCII.minus:
            return try parseBareValue()
        default:
            throw scanner.unexpectedCharacter(expected: "a value")
        }
    }

    private mutating func enterNesting(at mark: SourceMark) throws(TOMLError) {
        nestingDepth += 1
        if nestingDepth > Self.maximumNestingDepth {
            throw scanner.error("arrays and inline tables are nested too deeply", at: mark)
        }
    }

    // MARK: Arrays

    /// `[ value, value, ]`: may span lines, hold comments and end with a comma; types may mix.
    private mutating func parseArray() throws(TOMLError) -> TOMLValue {
        let opening = scanner.mark
        try enterNesting(at: opening)
        defer { nestingDepth -= 1 }
        scanner.advance()
        var elements: [TOMLValue] = []
        while true {
            try skipArrayWhitespace()
            guard let byte = scanner.current else {
                throw scanner.error("unterminated array: missing ']'", at: opening)
            }
            if byte == ASCII.rightBracket {
                scanner.advance()
                return .array(elements)
            }
            elements.append(try parseValue())
            try skipArrayWhitespace()
            switch scanner.current {
            case ASCII.comma:
                scanner.advance()
            case ASCII.rightBracket:
                scanner.advance()
                return .array(elements)
            case nil:
                throw scanner.error("unterminated array: missing ']'", at: opening)
            default:
                throw scanner.unexpectedCharacter(expected: "',' or ']' after an array element")
            }
        }
    }

    /// Blanks, line breaks and comments, all of which may appear between array elements.
    private mutating func skipArrayWhitespace() throws(TOMLError) {
        while let byte = scanner.current {
            if ASCII.isBlank(byte) {
                scanner.advance()
            } else if byte == ASCII.hash {
                try skipComment()
            } else if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                guard scanner.consumeLineBreak() else {
                    throw scanner.error("carriage return must be followed by a line feed")
                }
            } else {
                return
            }
        }
    }

    // MARK: Inline tables

    /// `{ key = value, a.b = value }`: on one line, no trailing comma (TOML 1.0), and complete
    /// as written, so neither headers nor dotted keys elsewhere may add to it.
    private mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
        let opening = scanner.mark
        try enterNesting(at: opening)
        defer { nestingDepth -= 1 }
        scanner.advance()
        let table = TableNode(line: opening.line, origin: .inline)
        scanner.skipBlanks()
        if scanner.current == ASCII.rightBrace {
            scanner.advance()
            return .table(table.freeze())
        }
        while true {
            try rejectLineBreakInInlineTable(opening: opening)
            try parseKeyValue(into: table)
            scanner.skipBlanks()
            switch scanner.current {
            case ASCII.comma:
                scanner.advance()
                scanner.skipBlanks()
                if scanner.current == ASCII.rightBrace {
                    throw scanner.error("trailing comma is not allowed in an inline table")
                }
            case ASCII.rightBrace:
                scanner.advance()
                return .table(table.freeze())
            case nil:
                throw scanner.error("unterminated inline table: missing '}'", at: opening)
            default:
                try rejectLineBreakInInlineTable(opening: opening)
                throw scanner.unexpectedCharacter(expected: "',' or '}' in inline table")
            }
        }
    }

    private func rejectLineBreakInInlineTable(opening: SourceMark) throws(TOMLError) {
        switch scanner.current {
        case ASCII.lineFeed, ASCII.carriageReturn, ASCII.hash:
            throw scanner.error(
                "inline table opened on line \(opening.line) must be closed with '}' on the same line "
                    + "(newlines and comments are not allowed inside it)")
        case nil:
            throw scanner.error("unterminated inline table: missing '}'", at: opening)
        default:
            return
        }
    }
}
