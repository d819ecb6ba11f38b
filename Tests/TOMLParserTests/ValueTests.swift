import Testing
import TOMLParser

/// Parses `key = <value text>` and returns the value.
private func value(_ text: String) throws -> TOMLValue? {
    try TOML.parse("key = \(text)")["key"]
}

@Suite("Values")
struct ValueTests {
    @Test func basicStrings() throws {
        #expect(try value(#""hello""#) == .string("hello"))
        #expect(try value(#""""#) == .string(""))
        #expect(try value(#""tab\there\nnew \"q\" back\\slash""#) == .string("tab\there\nnew \"q\" back\\slash"))
        #expect(try value(#""\b\f\r""#) == .string("\u{08}\u{0C}\r"))
        #expect(try value(#""caf\u00E9 \U0001F600""#) == .string("café 😀"))
        #expect(try value(#""ünïcødé ✓""#) == .string("ünïcødé ✓"))
    }

    @Test func literalStrings() throws {
        #expect(try value(#"'C:\Users\nobody\path'"#) == .string(#"C:\Users\nobody\path"#))
        #expect(try value("''") == .string(""))
        #expect(try value(#"'<\i\c*\s*>'"#) == .string(#"<\i\c*\s*>"#))
    }

    @Test func multilineBasicStrings() throws {
        #expect(try value("\"\"\"\nRoses are red\nViolets are blue\"\"\"") == .string("Roses are red\nViolets are blue"))
        // Line-ending backslash drops the line break and the leading whitespace of the next lines.
        let folded = "\"\"\"\nThe quick brown \\\n\n\n    fox jumps over \\   \n    the lazy dog.\"\"\""
        #expect(try value(folded) == .string("The quick brown fox jumps over the lazy dog."))
        #expect(try value("\"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"")
            == .string("Here are two quotation marks: \"\". Simple enough."))
        #expect(try value("\"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"")
            == .string("\"This,\" she said, \"is just a pointless statement.\""))
        #expect(try value("\"\"\"a\\tb\\u0041\"\"\"") == .string("a\tbA"))
        #expect(try value("\"\"\"ends with two quotes\"\"\"\"\"") == .string("ends with two quotes\"\""))
    }

    @Test func multilineLiteralStrings() throws {
        #expect(try value("'''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''")
            == .string("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"))
        #expect(try value("'''I [dw]on't need \\d{2} apples'''") == .string("I [dw]on't need \\d{2} apples"))
        #expect(try value("''''That,' she said, 'is still pointless.''''") == .string("'That,' she said, 'is still pointless.'"))
    }

    @Test func crlfInsideMultilineStringsBecomesLF() throws {
        let table = try TOML.parse("text = \"\"\"\r\none\r\ntwo\"\"\"\r\nraw = '''a\r\nb'''\r\nnext = 1\r\n")
        #expect(table.string("text") == "one\ntwo")
        #expect(table.string("raw") == "a\nb")
        #expect(table.line(of: "next") == 6)
    }

    @Test func integers() throws {
        #expect(try value("+99") == .integer(99))
        #expect(try value("42") == .integer(42))
        #expect(try value("0") == .integer(0))
        #expect(try value("-17") == .integer(-17))
        #expect(try value("1_000_000") == .integer(1_000_000))
        #expect(try value("0xDEAD_beef") == .integer(0xDEAD_BEEF))
        #expect(try value("0o755") == .integer(0o755))
        #expect(try value("0b1101_0110") == .integer(0b1101_0110))
        #expect(try value("9223372036854775807") == .integer(Int.max))
        #expect(try value("-9223372036854775808") == .integer(Int.min))
        #expect(try value("0x7FFFFFFFFFFFFFFF") == .integer(Int.max))
    }

    @Test func floats() throws {
        #expect(try value("+1.0") == .float(1.0))
        #expect(try value("3.1415") == .float(3.1415))
        #expect(try value("-0.01") == .float(-0.01))
        #expect(try value("5e+22") == .float(5e22))
        #expect(try value("1e06") == .float(1e6))
        #expect(try value("-2E-2") == .float(-0.02))
        #expect(try value("6.626e-34") == .float(6.626e-34))
        #expect(try value("224_617.445_991_228") == .float(224_617.445_991_228))
        #expect(try value("inf") == .float(.infinity))
        #expect(try value("+inf") == .float(.infinity))
        #expect(try value("-inf") == .float(-.infinity))
        for nan in ["nan", "+nan", "-nan"] {
            #expect(try value(nan)?.floatValue?.isNaN == true)
        }
    }

    @Test func booleans() throws {
        #expect(try value("true") == .boolean(true))
        #expect(try value("false") == .boolean(false))
    }

    @Test func dateTimesAreKeptAsWritten() throws {
        for text in [
            "1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999-07:00",
            "1979-05-27 07:32:00Z", "1979-05-27t07:32:00z", "1979-05-27T07:32:00", "1979-05-27T00:32:00.999999",
            "1979-05-27", "07:32:00", "00:32:00.999999", "2024-02-29", "23:59:60",
        ] {
            #expect(try value(text) == .dateTime(text), "\(text)")
        }
        let table = try TOML.parse("when = 1979-05-27 07:32:00 # local date-time with a space\n")
        #expect(table.dateTime("when") == "1979-05-27 07:32:00")
    }

    @Test func arrays() throws {
        #expect(try value("[]") == .array([]))
        #expect(try value("[ 1, 2, 3 ]") == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(try value(#"[ "red", 'yellow', """green""" ]"#) == .array([.string("red"), .string("yellow"), .string("green")]))
        #expect(try value("[ [ 1, 2 ], [\"a\", 'b'], [] ]")
            == .array([.array([.integer(1), .integer(2)]), .array([.string("a"), .string("b")]), .array([])]))
        // Mixed types are allowed in TOML 1.0.
        #expect(try value("[ 0.1, 0.2, \"x\", true, 1979-05-27, { a = 1 } ]")
            == .array([.float(0.1), .float(0.2), .string("x"), .boolean(true), .dateTime("1979-05-27"),
                       .table(TOMLTable(["a": .integer(1)]))]))
        let multiline = "[\n  1, # first\n  2,\n  # a whole-line comment\n  3,\n]"
        #expect(try value(multiline) == .array([.integer(1), .integer(2), .integer(3)]))
    }

    @Test func inlineTables() throws {
        let table = try TOML.parse("""
            point = { x = 1, y = 2 }
            name = { first = "Tom", "last name" = 'Preston-Werner' }
            animal = { type.name = "pug" }
            empty = {}
            """)
        #expect(table.table("point") == TOMLTable(["x": .integer(1), "y": .integer(2)]))
        #expect(table.table("name")?.string("last name") == "Preston-Werner")
        #expect(table.table("animal")?.table("type")?.string("name") == "pug")
        #expect(table.table("empty") == TOMLTable())
        #expect(table.table("point")?.line == 1)
        #expect(table.table("animal")?.line == 3)
    }

    @Test func nestedInlineTablesAndArrays() throws {
        let table = try TOML.parse("deep = { a = { b = [ { c = [1, { d = 'x' }] } ] } }\n")
        let innermost = table.table("deep")?.table("a")?.tables("b")?.first?.array("c")?.last?.tableValue
        #expect(innermost?.string("d") == "x")
    }

    @Test func typeNames() {
        #expect(TOMLValue.string("").typeName == "string")
        #expect(TOMLValue.integer(0).typeName == "integer")
        #expect(TOMLValue.float(0).typeName == "float")
        #expect(TOMLValue.boolean(true).typeName == "boolean")
        #expect(TOMLValue.dateTime("").typeName == "date-time")
        #expect(TOMLValue.array([]).typeName == "array")
        #expect(TOMLValue.table(TOMLTable()).typeName == "table")
    }
}
