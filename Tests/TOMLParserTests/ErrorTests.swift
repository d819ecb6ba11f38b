import Foundation
import Testing
import TOMLParser

/// A document that must fail, and the exact `line L, column C: message` it must fail with.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let document: String
    let expected: String
    init(_ document: String, _ expected: String) {
        self.document = document
        self.expected = expected
    }
    var testDescription: String { expected }
}

private func parseError(_ document: String) -> TOMLError? {
    do {
        _ = try TOML.parse(document)
        return nil
    } catch {
        return error
    }
}

@Suite("Errors")
struct ErrorTests {
    static let keyAndTableErrors: [ErrorCase] = [
        ErrorCase("name = 'a'\nname = 'b'\n", #"line 2, column 1: duplicate key "name" (first defined on line 1)"#),
        ErrorCase("a.b = 1\na.b = 2", #"line 2, column 1: duplicate key "a.b" (first defined on line 1)"#),
        ErrorCase("[t]\nx = 1\n  x = 2", #"line 3, column 3: duplicate key "x" (first defined on line 2)"#),
        ErrorCase("t = { a = 1, a = 2 }", #"line 1, column 14: duplicate key "a" (first defined on line 1)"#),
        ErrorCase("[a]\nx = 1\n[a]\n", "line 3, column 2: table [a] was already defined on line 1"),
        ErrorCase("[a.b]\n[a]\n[a]", "line 3, column 2: table [a] was already defined on line 2"),
        ErrorCase("[fruit]\napple.color = 'red'\n[fruit.apple]\n",
                  "line 3, column 8: table [fruit.apple] was already defined by dotted keys on line 2"),
        ErrorCase("[a.b]\nz = 9\n[a]\nb.t = 1\n",
                  #"line 4, column 1: cannot add key "b.t": table "b" was already defined on line 1"#),
        ErrorCase("a = 1\n[a]\n", #"line 2, column 2: key "a" is already defined as an integer on line 1"#),
        ErrorCase("a = 'x'\na.b = 1", #"line 2, column 1: key "a" is already defined as a string on line 1"#),
        ErrorCase("a = { b = 1 }\n[a.c]\n", #"line 2, column 2: inline table "a" (line 1) cannot be extended"#),
        ErrorCase("a = { b = 1 }\n[a]\n", #"line 2, column 2: inline table "a" (line 1) cannot be extended"#),
        ErrorCase("a = { b = 1 }\na.c = 2\n", #"line 2, column 1: inline table "a" (line 1) cannot be extended"#),
        ErrorCase("a = []\n[[a]]", #"line 2, column 3: key "a" is already an array (line 1) and cannot be used as a table"#),
        ErrorCase("[[a]]\n[a]",
                  #"line 2, column 2: cannot define table [a]: "a" is an array of tables (line 1); use [[a]] to add an element"#),
        ErrorCase("[a]\n[[a]]", #"line 2, column 3: cannot define array of tables [[a]]: "a" is already a table (line 1)"#),
    ]

    static let syntaxErrors: [ErrorCase] = [
        // Missing '=' and missing values.
        ErrorCase(#"name "x""#, #"line 1, column 6: expected '=' after key "name", found '"'"#),
        ErrorCase("ok = 1\nname\n", #"line 2, column 5: expected '=' after key "name" before end of line"#),
        ErrorCase("a = \n", #"line 1, column 5: missing value for key "a""#),
        ErrorCase("a = # nothing\n", #"line 1, column 5: missing value for key "a""#),
        ErrorCase("= 1", "line 1, column 1: expected a key, found '='"),
        // Garbage after a value or header.
        ErrorCase("a = 1 2", "line 1, column 7: unexpected '2' after value; expected end of line or a comment"),
        ErrorCase(#"a = "x" y"#, "line 1, column 9: unexpected 'y' after value; expected end of line or a comment"),
        ErrorCase("[t] x = 1", "line 1, column 5: unexpected 'x' after table header; expected end of line or a comment"),
        // Strings.
        ErrorCase("a = 1\nb = \"abc\n", #"line 2, column 5: unterminated string: missing closing '"' before end of line"#),
        ErrorCase("b = \"abc", #"line 1, column 5: unterminated string: missing closing '"'"#),
        ErrorCase("b = 'abc", #"line 1, column 5: unterminated string: missing closing "'""#),
        ErrorCase("x = 1\ns = \"\"\"\nabc\n", #"line 2, column 5: unterminated multi-line string: missing closing """"#),
        ErrorCase("s = '''\nabc''", "line 1, column 5: unterminated multi-line string: missing closing '''"),
        ErrorCase(#"s = "a\qb""#,
                  #"line 1, column 7: invalid escape sequence "\q"; valid escapes are \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX"#),
        ErrorCase(#"s = "\u12""#, #"line 1, column 6: invalid escape sequence: \u needs exactly 4 hex digits"#),
        ErrorCase(#"s = "\U0001F60""#, #"line 1, column 6: invalid escape sequence: \U needs exactly 8 hex digits"#),
        ErrorCase(#"s = "\uD800""#,
                  "line 1, column 6: invalid escape sequence: U+D800 is not a Unicode scalar value (surrogate or beyond U+10FFFF)"),
        ErrorCase("s = \"\"\"a\\ b\"\"\"",
                  #"line 1, column 9: invalid escape sequence "\ "; valid escapes are \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX"#),
        ErrorCase("s = \"\"\"a\"\"\"\"\"\"",
                  "line 1, column 9: too many consecutive quotes in multi-line string (escape them or split the run)"),
        ErrorCase(#"""""a""" = 1"#, "line 1, column 1: a key cannot be a multi-line string"),
        // Numbers and date-times.
        ErrorCase("n = 1__2", #"line 1, column 5: invalid number "1__2": expected digits, with '_' only between digits"#),
        ErrorCase("n = _1", "line 1, column 5: expected a value, found '_'"),
        ErrorCase("n = 012", #"line 1, column 5: invalid number "012": leading zeros are not allowed"#),
        ErrorCase("n = 1.", #"line 1, column 5: invalid number "1.": a decimal point must be followed by digits"#),
        ErrorCase("n = .5", "line 1, column 5: expected a value, found '.'"),
        ErrorCase("n = 1e", #"line 1, column 5: invalid number "1e": an exponent must have digits"#),
        ErrorCase("n = 0x", #"line 1, column 5: invalid number "0x": expected base-16 digits, with '_' only between digits"#),
        ErrorCase("n = 0b102", #"line 1, column 5: invalid number "0b102": unexpected character in a base-2 integer"#),
        ErrorCase("n = +0x10", #"line 1, column 5: invalid number "+0x10": hexadecimal, octal and binary integers cannot have a sign"#),
        ErrorCase("n = 12abc", #"line 1, column 5: invalid number "12abc": unexpected character 'a'"#),
        ErrorCase("n = 9223372036854775808", #"line 1, column 5: invalid number "9223372036854775808": does not fit in a 64-bit signed integer"#),
        ErrorCase("n = 0x8000000000000000", #"line 1, column 5: invalid number "0x8000000000000000": does not fit in a 64-bit signed integer"#),
        ErrorCase("theme = dark", #"line 1, column 9: invalid value 'dark' (strings must be quoted: "dark")"#),
        ErrorCase("on = True", "line 1, column 6: invalid value 'True' (booleans are lowercase: true, false)"),
        ErrorCase("d = 1979-13-01", #"line 1, column 5: invalid date-time "1979-13-01": month must be 01 to 12"#),
        ErrorCase("d = 2023-02-29", #"line 1, column 5: invalid date-time "2023-02-29": day 29 does not exist in month 2"#),
        ErrorCase("t = 07:32", #"line 1, column 5: invalid date-time "07:32": seconds are required (HH:MM:SS)"#),
        ErrorCase("t = 07:32:00Z", #"line 1, column 5: invalid date-time "07:32:00Z": a local time cannot have a time zone offset"#),
        ErrorCase("t = 1979-05-27T25:00:00", #"line 1, column 5: invalid date-time "1979-05-27T25:00:00": time out of range"#),
        ErrorCase("t = 1979-05-27T07:32:00+0100",
                  #"line 1, column 5: invalid date-time "1979-05-27T07:32:00+0100": expected a time zone offset such as Z or +01:00"#),
        // Arrays and inline tables.
        ErrorCase("a = [1, 2\n", "line 1, column 5: unterminated array: missing ']'"),
        ErrorCase("a = [1 2]", "line 1, column 8: expected ',' or ']' after an array element, found '2'"),
        ErrorCase("a = [,]", "line 1, column 6: expected a value, found ','"),
        ErrorCase("t = { a = 1,\n b = 2 }",
                  "line 1, column 13: inline table opened on line 1 must be closed with '}' on the same line (newlines and comments are not allowed inside it)"),
        ErrorCase("t = {\n a = 1 }",
                  "line 1, column 6: inline table opened on line 1 must be closed with '}' on the same line (newlines and comments are not allowed inside it)"),
        ErrorCase("t = { a = 1\n}",
                  "line 1, column 12: inline table opened on line 1 must be closed with '}' on the same line (newlines and comments are not allowed inside it)"),
        ErrorCase("t = { a = 1, }", "line 1, column 14: trailing comma is not allowed in an inline table"),
        ErrorCase("t = { a = 1 b = 2 }", "line 1, column 13: expected ',' or '}' in inline table, found 'b'"),
        ErrorCase("t = { a = 1", "line 1, column 5: unterminated inline table: missing '}'"),
        // Table headers.
        ErrorCase("[a", "line 1, column 3: expected ']' to close table header, found end of file"),
        ErrorCase("[[a]", "line 1, column 4: expected ']]' to close table header, found ']'"),
        ErrorCase("[[a] ]", "line 1, column 4: expected ']]' to close table header, found ']'"),
        ErrorCase("[[a", "line 1, column 4: expected ']]' to close table header, found end of file"),
        ErrorCase("[]", "line 1, column 2: expected a key, found ']'"),
        ErrorCase("[a.]", "line 1, column 4: expected a key, found ']'"),
        // Line endings and control characters.
        ErrorCase("a = 1\rb = 2", "line 1, column 6: carriage return must be followed by a line feed"),
        ErrorCase("a = 1\n\u{0}b = 2", "line 2, column 1: control character U+0000 is not allowed in TOML (expected a key)"),
        ErrorCase("a = 1\u{0}", "line 1, column 6: control character U+0000 is not allowed in TOML (expected end of line after value)"),
        ErrorCase("s = \"a\u{0}b\"", "line 1, column 7: control character U+0000 is not allowed in a string; write it as an escape"),
        ErrorCase("s = 'a\u{1B}b'", "line 1, column 7: control character U+001B is not allowed in a string; write it as an escape"),
        ErrorCase("s = '''a\u{7F}'''", "line 1, column 9: control character U+007F is not allowed in a string; write it as an escape"),
        ErrorCase("# hi\u{0}\n", "line 1, column 5: control character U+0000 is not allowed in a comment"),
        ErrorCase("a = \u{7}", "line 1, column 5: control character U+0007 is not allowed in TOML (expected a value)"),
        // Columns count characters, not bytes.
        ErrorCase("\"ключ\" = 1 x", "line 1, column 12: unexpected 'x' after value; expected end of line or a comment"),
        ErrorCase("s = \"é\" ✓", "line 1, column 9: unexpected '✓' after value; expected end of line or a comment"),
    ]

    @Test(arguments: keyAndTableErrors)
    func keyAndTableError(_ errorCase: ErrorCase) {
        #expect(parseError(errorCase.document)?.description == errorCase.expected)
    }

    @Test(arguments: syntaxErrors)
    func syntaxError(_ errorCase: ErrorCase) {
        #expect(parseError(errorCase.document)?.description == errorCase.expected)
    }

    @Test func errorFieldsAndFileForm() throws {
        let error = try #require(parseError("[settings]\ntheme = 'dark'\ntheme = 'light'\n"))
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.message == #"duplicate key "theme" (first defined on line 2)"#)
        #expect(error.described(inFile: "config.toml") == #"config.toml:3:1: duplicate key "theme" (first defined on line 2)"#)
    }

    @Test func errorLineCountsCRLFAndMultilineValues() {
        #expect(parseError("a = '''\r\nx\r\n'''\r\nb = [\r\n1,\r\n]\r\nc = 1 2\r\n")?.description
            == "line 7, column 7: unexpected '2' after value; expected end of line or a comment")
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let deep = "a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(parseError(deep)?.message == "arrays and inline tables are nested too deeply")
        let fine = "a = " + String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        #expect(parseError(fine) == nil)
    }

    /// Regression: a valid file with a very long dotted key or header overflowed the stack when
    /// the document was frozen (29,000 parts on the main thread, 2,000 on a 512 KiB thread).
    @Test(arguments: [
        "a" + String(repeating: ".a", count: 29_000) + " = 1",
        "[" + "a" + String(repeating: ".a", count: 29_000) + "]",
        "[[" + "a" + String(repeating: ".a", count: 29_000) + "]]",
        "[" + Array(repeating: "a", count: 60).joined(separator: ".") + "]\n"
            + Array(repeating: "b", count: 60).joined(separator: ".") + " = 1",
        Array(repeating: "b", count: 60).joined(separator: ".") + " = " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60),
        "t = " + String(repeating: "{ a.a.a.a = ", count: 30) + "1" + String(repeating: " }", count: 30),
    ])
    func deepKeysAreRejectedOnASmallStack(document: String) async {
        let error = await Self.parseErrorOnSmallStack(document)
        #expect(error?.message.hasPrefix("keys and tables are nested too deeply") == true
            || error?.message == "arrays and inline tables are nested too deeply", "\(String(describing: error))")
        #expect(error?.line ?? 0 >= 1)
    }

    @Test func keysUpToTheLimitAreAccepted() async {
        let header = "[" + Array(repeating: "a", count: 40).joined(separator: ".") + "]\n"
        let key = Array(repeating: "b", count: 40).joined(separator: ".")
        #expect(await Self.parseErrorOnSmallStack(header + key + " = [[[1]]]") == nil)
    }

    /// Parses on a thread with a 512 KiB stack, as a hostile config would meet on a worker thread.
    private static func parseErrorOnSmallStack(_ document: String) async -> TOMLError? {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: parseError(document)) }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    @Test func validEdgeCasesAreAccepted() {
        for document in [
            "[a.b]\n[a]\nx = 1",  // defining a super-table after its sub-table
            "[a]\nb.c = 1\n[a.b.d]\n",  // header under a dotted-key table
            "[[a]]\n[a.b]\n[[a]]\n[a.b]\n",  // each array element has its own sub-table
            "a = \"\"\"\n\\\n  \"\"\"",  // only a folded line break
            "k = 'value' # comment with \"quotes\" and ✓",
            "t = {}\nu = { a = [\n1,\n2] }",  // arrays inside inline tables may span lines
        ] {
            #expect(parseError(document) == nil, "\(document)")
        }
    }
}

@Suite struct SourceDecodingTests {
    @Test func validUTF8Decodes() throws {
        #expect(try TOMLSource.decode(Array("a = \"é東\"\n".utf8)) == "a = \"é東\"\n")
    }

    @Test(arguments: [
        ([0x61, 0x0A, 0x62, 0xFF], 2, 2),                // a byte that never leads
        ([0xE6, 0x9D, 0xB1, 0x80], 1, 2),                // a stray continuation after 東
        ([0xC0, 0xAF], 1, 1),                            // overlong "/"
        ([0xED, 0xA0, 0x80], 1, 1),                      // a UTF-16 surrogate
        ([0x61, 0xF0, 0x9F, 0x98], 1, 2),                // cut at the end of the file
    ] as [([UInt8], Int, Int)])
    func invalidUTF8NamesTheFirstBadByte(bytes: [UInt8], line: Int, column: Int) {
        #expect(throws: TOMLError(line: line, column: column, message: "invalid UTF-8 (the file must be UTF-8 text)")) {
            try TOMLSource.decode(bytes)
        }
    }
}
