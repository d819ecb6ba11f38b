import Testing
import TOMLParser

/// `TOML.parse(utf8:streamingElementsOf:to:)`: the elements of one top-level array of tables go
/// to a sink as they complete, and together with what is left in the tree they are exactly the
/// elements a whole parse gives.
@Suite("Streamed arrays of tables")
struct StreamingTests {
    /// The streamed elements, then the ones still in the returned tree, and that tree.
    private func stream(_ text: String, key: String = "accounts") throws(TOMLError) -> (elements: [TOMLTable], root: TOMLTable) {
        let sink = Collected()
        let root = try TOML.parse(utf8: Array(text.utf8), streamingElementsOf: key, to: sink.add)
        return (sink.tables + (root.tables(key) ?? []), root)
    }

    private final class Collected {
        var tables: [TOMLTable] = []
        func add(_ table: TOMLTable) { tables.append(table) }
    }

    @Test func elementsMatchAWholeParse() throws {
        let text = """
            title = "x"

            [[accounts]]
            name = "a"
            fields = { x = 1 }

            [[accounts]]
            name = "b"
            [accounts.fields]
            y = 2

            [settings]
            theme = "dark"

            [[accounts]]
            name = "c"
            [accounts.more]
            z = [1, 2]

            [[other]]
            n = 1
            [[other]]
            n = 2
            """
        let whole = try TOML.parse(text)
        let streamed = try stream(text)
        #expect(streamed.elements == whole.tables("accounts"))
        #expect(streamed.elements.map { $0.line } == [3, 7, 15])
        #expect(streamed.elements[1].line(of: "fields") == 9)
        #expect(streamed.root.tables("accounts")?.count == 1)
        #expect(streamed.root["other"] == whole["other"])
        #expect(streamed.root["settings"] == whole["settings"])
        #expect(streamed.root.keys == whole.keys)
    }

    /// Only the top-level key streams: a nested array of tables of the same name stays whole.
    @Test func nestedArraysOfTheSameNameAreKept() throws {
        let text = """
            [[group.accounts]]
            n = 1
            [[group.accounts]]
            n = 2
            """
        let streamed = try stream(text)
        #expect(streamed.elements.isEmpty)
        #expect(streamed.root == (try TOML.parse(text)))
    }

    @Test func errorsAreThoseOfAWholeParse() {
        let texts = [
            "[[accounts]]\nname = \"a\"\n[[accounts]]\nname = \"b\"\nname = \"c\"\n",
            "[[accounts]]\nname = \"a\"\n[[accounts]]\nname = \"b\"\n[accounts]\n",
            "[[accounts]]\nname = \"a\"\n[[accounts]]\nname = \"b\n",
            "accounts = [{ name = \"a\" }]\n[[accounts]]\n",
        ]
        for text in texts {
            var whole: TOMLError?
            do { _ = try TOML.parse(text) } catch { whole = error }
            var streamed: TOMLError?
            do { _ = try stream(text) } catch { streamed = error }
            #expect(whole != nil, "\(text)")
            #expect(streamed == whole, "\(text)")
        }
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() {
        let bytes: [UInt8] = Array("a = 1\nb = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        #expect(throws: TOMLError(line: 2, column: 6, message: "invalid UTF-8 (the file must be UTF-8 text)")) {
            _ = try TOML.parse(utf8: bytes)
        }
    }
}
