import Testing
import TOMLParser

@Suite("Tables, keys and lines")
struct StructureTests {
    @Test func keysKeepFileOrderAndLines() throws {
        let table = try TOML.parse("""
            # comment on line 1
            zeta = 1
            alpha = 2

            "quoted key" = 3
            'literal.key' = 4
            bare-key_9 = 5
            "" = 6
            """)
        #expect(table.keys == ["zeta", "alpha", "quoted key", "literal.key", "bare-key_9", ""])
        #expect(table.line == 0)
        #expect(table.line(of: "zeta") == 2)
        #expect(table.line(of: "alpha") == 3)
        #expect(table.line(of: "quoted key") == 5)
        #expect(table.line(of: "literal.key") == 6)
        #expect(table.line(of: "") == 8)
        #expect(table.line(of: "missing") == nil)
    }

    @Test func dottedKeysCreateTables() throws {
        let table = try TOML.parse("""
            name = "Orange"
            physical.color = "orange"
            physical.shape = "round"
            site."google.com" = true
            a . b . c = 1
            """)
        #expect(table.keys == ["name", "physical", "site", "a"])
        #expect(table.table("physical") == TOMLTable(["color": .string("orange"), "shape": .string("round")]))
        #expect(table.table("physical")?.line(of: "shape") == 3)
        #expect(table.line(of: "physical") == 2)
        #expect(table.table("site")?.bool("google.com") == true)
        #expect(table.table("a")?.table("b")?.integer("c") == 1)
    }

    @Test func tableHeadersAndNesting() throws {
        let table = try TOML.parse("""
            title = "root"

            [server]
            host = "localhost"

            [server.tls]
            enabled = true

            [ dog . "tater.man" ]
            type.name = "pug"

            [x.y.z.w] # implicit parents
            [x]
            defined_late = 1
            """)
        #expect(table.keys == ["title", "server", "dog", "x"])
        #expect(table.line(of: "server") == 3)
        let server = try #require(table.table("server"))
        #expect(server.line == 3)
        #expect(server.line(of: "host") == 4)
        #expect(server.line(of: "tls") == 6)
        #expect(server.table("tls")?.line == 6)
        #expect(server.table("tls")?.bool("enabled") == true)
        #expect(table.table("dog")?.table("tater.man")?.table("type")?.string("name") == "pug")
        // `[x]` defined after `[x.y.z.w]` takes its header line.
        let x = try #require(table.table("x"))
        #expect(x.line == 13)
        #expect(table.line(of: "x") == 13)
        #expect(x.line(of: "y") == 12)
        #expect(x.integer("defined_late") == 1)
        #expect(x.table("y")?.table("z")?.table("w") == TOMLTable())
    }

    @Test func subTablesInsideDottedKeyTables() throws {
        let table = try TOML.parse("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true

            [fruit.apple.texture]
            smooth = true
            """)
        let apple = try #require(table.table("fruit")?.table("apple"))
        #expect(apple.string("color") == "red")
        #expect(apple.table("taste")?.bool("sweet") == true)
        #expect(apple.table("texture")?.bool("smooth") == true)
        #expect(apple.line(of: "texture") == 5)
    }

    @Test func arraysOfTablesRememberHeaderLines() throws {
        let table = try TOML.parse("""
            [[products]]
            name = "Hammer"
            sku = 738594937

            [[products]]  # empty table within the array

            [[products]]
            name = "Nail"
            color = "gray"
            """)
        let products = try #require(table.tables("products"))
        #expect(products.count == 3)
        #expect(products.map(\.line) == [1, 5, 7])
        #expect(products[0].string("name") == "Hammer")
        #expect(products[0].line(of: "sku") == 3)
        #expect(products[1].isEmpty)
        #expect(products[2].line(of: "color") == 9)
        #expect(table.line(of: "products") == 1)
        guard case .array(let elements) = table["products"] else {
            Issue.record("products should be an array")
            return
        }
        #expect(elements.count == 3)
    }

    @Test func nestedArraysOfTablesAndSubTables() throws {
        let table = try TOML.parse("""
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """)
        let fruits = try #require(table.tables("fruits"))
        #expect(fruits.count == 2)
        #expect(fruits[0].table("physical")?.string("color") == "red")
        #expect(fruits[0].table("physical")?.line == 4)
        #expect(fruits[0].tables("varieties")?.map { $0.string("name") } == ["red delicious", "granny smith"])
        #expect(fruits[0].tables("varieties")?.map(\.line) == [7, 10])
        #expect(fruits[1].tables("varieties")?.map(\.line) == [16])
        #expect(fruits[1].table("physical") == nil)
    }

    @Test func crlfLineEndingsAndBOM() throws {
        let table = try TOML.parse("\u{FEFF}a = 1\r\n# note\r\n[t]\r\nb = \"x\" # trailing\r\n")
        #expect(table.integer("a") == 1)
        #expect(table.line(of: "t") == 3)
        #expect(table.table("t")?.string("b") == "x")
        #expect(table.table("t")?.line(of: "b") == 4)
    }

    @Test func emptyAndCommentOnlyDocuments() throws {
        #expect(try TOML.parse("") == TOMLTable())
        #expect(try TOML.parse("\n\n  # only a comment\n\t\n") == TOMLTable())
    }

    @Test func linesAfterMultilineValuesStayCorrect() throws {
        let table = try TOML.parse("""
            text = \"\"\"
            one
            two\"\"\"
            list = [
              1,
              2,
            ]
            after = true
            """)
        #expect(table.line(of: "text") == 1)
        #expect(table.line(of: "list") == 4)
        #expect(table.line(of: "after") == 8)
    }

    @Test func accessorsReturnNilForOtherTypes() throws {
        let table = try TOML.parse("s = 'x'\ni = 3\nf = 1.5\nb = true\nd = 2024-01-01\na = [1]\nt = { k = 1 }\n")
        #expect(table.string("s") == "x")
        #expect(table.string("i") == nil)
        #expect(table.integer("i") == 3)
        #expect(table.integer("f") == nil)
        #expect(table.float("f") == 1.5)
        #expect(table.float("i") == 3.0)
        #expect(table.bool("b") == true)
        #expect(table.bool("s") == nil)
        #expect(table.dateTime("d") == "2024-01-01")
        #expect(table.array("a") == [.integer(1)])
        #expect(table.table("t")?.integer("k") == 1)
        #expect(table.tables("a") == nil)
        #expect(table.string("missing") == nil)
    }

    @Test func tableEqualityIgnoresOrderAndLines() throws {
        let parsed = try TOML.parse("\n\nb = 2\na = 1\n")
        #expect(parsed == TOMLTable(["a": .integer(1), "b": .integer(2)]))
        #expect(parsed != TOMLTable(["a": .integer(1)]))
        var built = TOMLTable(line: 4)
        built.set("x", to: .boolean(true), line: 7)
        built.set("x", to: .boolean(false), line: 8)
        #expect(built.keys == ["x"])
        #expect(built.line(of: "x") == 8)
        #expect(built.remove("x") == .boolean(false))
        #expect(built.isEmpty)
    }

    @Test func keysThatLookLikeOtherValues() throws {
        let table = try TOML.parse("1234 = 1\ntrue = 2\ninf = 3\n3.14 = 4\n2024-01-01 = 5\n")
        #expect(table.keys == ["1234", "true", "inf", "3", "2024-01-01"])
        #expect(table.table("3")?.integer("14") == 4)
    }

    @Test func inlineTablesUseTheSameKeyRules() throws {
        let table = try TOML.parse("t = { a.b = 1, a.c = 2 }\n")
        #expect(table.table("t")?.table("a") == TOMLTable(["b": .integer(1), "c": .integer(2)]))
        #expect(throws: TOMLError(line: 1, column: 16, message: #"duplicate key "a" (first defined on line 1)"#)) {
            try TOML.parse("t = { a.b = 1, a = 2 }")
        }
        #expect(throws: TOMLError(line: 1, column: 22, message: #"inline table "a" (line 1) cannot be extended"#)) {
            try TOML.parse("t = { a = { b = 1 }, a.c = 2 }")
        }
    }

    /// Past 16 keys a table indexes its keys in a dictionary: the same answers as a small one.
    @Test func largeTablesAnswerAsSmallOnes() throws {
        let count = 40
        let text = (0..<count).map { "key\($0) = \($0)" }.joined(separator: "\n")
            + "\n[sub]\n" + (0..<count).map { "s\($0) = \"v\($0)\"" }.joined(separator: "\n")
        let table = try TOML.parse(text)
        #expect(table.keys == (0..<count).map { "key\($0)" } + ["sub"])
        for index in 0..<count {
            #expect(table.integer("key\(index)") == index)
            #expect(table.line(of: "key\(index)") == index + 1)
            #expect(table.table("sub")?.string("s\(index)") == "v\(index)")
        }
        #expect(table.line(of: "sub") == count + 1)
        #expect(table["key\(count)"] == nil && table["ke"] == nil)
        #expect(throws: TOMLError(line: count + 1, column: 1, message: #"duplicate key "key30" (first defined on line 31)"#)) {
            try TOML.parse(text.components(separatedBy: "\n[sub]").first.map { $0 + "\nkey30 = 1" } ?? "")
        }

        var built = TOMLTable()
        for index in (0..<count).reversed() { built.set("key\(index)", to: .integer(index), line: index + 1) }
        built.set("sub", to: try #require(table["sub"]), line: count + 1)
        #expect(built == table)
        built.set("key7", to: .integer(70))
        #expect(built.integer("key7") == 70 && built.count == count + 1 && built != table)
        #expect(built.remove("key7") == .integer(70))
        #expect(built.remove("key7") == nil)
        #expect(built.integer("key8") == 8 && built.integer("key6") == 6 && built.integer("key0") == 0)
        for index in 0..<count where index != 7 { #expect(built.remove("key\(index)") == .integer(index)) }
        #expect(built.keys == ["sub"] && built.table("sub") == table.table("sub"))
    }

    /// Keys compare as Strings do (canonical equivalence), as when tables were dictionaries: a
    /// precomposed and a decomposed "é" are one key, though their UTF-8 lengths differ.
    @Test func canonicallyEquivalentKeysAreOneKey() throws {
        #expect(throws: TOMLError(line: 2, column: 1, message: #"duplicate key ""é"" (first defined on line 1)"#)) {
            try TOML.parse("\"\u{E9}\" = 1\n\"e\u{301}\" = 2")
        }
        let table = try TOML.parse("a = 0\n\"e\u{301}\" = 1\n\"K\" = 2")
        #expect(table.integer("\u{E9}") == 1)
        #expect(table.integer("\u{212A}") == 2)  // KELVIN SIGN, canonically "K"
        var built = TOMLTable()
        built.set("\u{E9}", to: .integer(1))
        built.set("e\u{301}", to: .integer(2))
        #expect(built.keys == ["\u{E9}"] && built.integer("\u{E9}") == 2)
    }
}
