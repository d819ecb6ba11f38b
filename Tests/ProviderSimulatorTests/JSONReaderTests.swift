import Foundation
@testable import ProviderSimulator
import TestSupport
import Testing

/// The simulator's JSON reader against what it replaced, `JSONSerialization.jsonObject(with:)`:
/// it must accept and refuse the same request bodies and read the same strings from them.
@Suite struct JSONReaderTests {
    /// Whether the reader and Foundation agree on `bytes`: both refuse it, or both read an
    /// object or array with the same structure, strings, booleans and (about) the same numbers.
    static func agree(_ bytes: [UInt8]) -> Bool {
        let ours = JSONReader.value(of: Data(bytes))
        let foundation = try? JSONSerialization.jsonObject(with: Data(bytes))
        switch (ours, foundation) {
        case (.object?, let other?), (.array?, let other?): return ours.map { same($0, other) } ?? false
        case (_, nil): return ours == nil || !(ours.map(isContainer) ?? false)
        default: return false
        }
    }

    static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: true
        default: false
        }
    }

    static func same(_ ours: JSONValue, _ foundation: Any) -> Bool {
        switch ours {
        case .null: return foundation is NSNull
        case .bool(let flag): return !(foundation is String) && (foundation as? NSNumber)?.boolValue == flag
        case .int(let number): return close((foundation as? NSNumber)?.doubleValue, Double(number))
        case .double(let number): return close((foundation as? NSNumber)?.doubleValue, number)
        case .string(let text): return (foundation as? String).map { Array($0.unicodeScalars) == Array(text.unicodeScalars) } ?? false
        case .array(let elements):
            guard let others = foundation as? [Any], others.count == elements.count else { return false }
            return zip(elements, others).allSatisfy { same($0, $1) }
        case .object(let fields):
            guard let others = foundation as? [String: Any], others.count == fields.count else { return false }
            return fields.allSatisfy { key, value in others[key].map { same(value, $0) } ?? false }
        }
    }

    /// Foundation keeps long integers as decimals, whose `doubleValue` can be off by an ulp.
    static func close(_ foundation: Double?, _ ours: Double) -> Bool {
        guard let foundation else { return false }
        return abs(foundation - ours) <= abs(ours) * 1e-12
    }

    static let corpus: [String] = [
        #"{"a":"x"}"#, "{}", "[]", #"{"a" : "x" , "b" : { } }"#, "  \r\n\t{\"a\":1} \n", #"{"a":[{"b":[null,true,false,"s",1,1.5]}]}"#,
        // Foundation's leniencies and limits
        #"{"a":[1,2,]}"#, #"{"a":1,}"#, "[1,]", "[,]", "[1,,]", "{,}", #"{"a":1,,}"#,
        #"{"a":"x","a":"y"}"#, #"{"a":{"b":"c"},"a":1}"#,
        // Not JSON
        #"{"a":1} x"#, #"{"a":1}{"b":2}"#, "{\"a\":1}\u{0}", #"{'a':1}"#, #"{a:1}"#, "{\u{0C}\"a\":1}", "", " ", "{", "[", "{\"a\"", "{\"a\":",
        "{\"a\":1", "{\"a\":\"x", "{\"a\":\"x\\", #"{"a":nul}"#, #"{"a":tru}"#, #"{"a":falsey}"#, #"{"a":Infinity}"#, #"{"a":NaN}"#,
        // Fragments are not objects
        "\"x\"", "1", "true", "null",
        // Numbers
        #"{"a":01}"#, #"{"a":-01}"#, #"{"a":-0}"#, #"{"a":-0.0}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":1E5}"#, #"{"a":1e+5}"#,
        #"{"a":1e-5}"#, #"{"a":1e05}"#, #"{"a":1.5e}"#, #"{"a":1.e5}"#, #"{"a":1e5.5}"#, #"{"a":1.5.5}"#, #"{"a":1-2}"#,
        #"{"a":1e+-5}"#, #"{"a":-}"#, #"{"a":--1}"#, #"{"a":+1}"#, #"{"a":0x10}"#, #"{"a":1_0}"#, #"{"a":0 }"#, "[0,1]", "[-0]",
        #"{"a":9223372036854775807}"#, #"{"a":9223372036854775808}"#, #"{"a":-9223372036854775808}"#, #"{"a":-9223372036854775809}"#,
        #"{"a":123456789012345678901234567890}"#, "{\"a\":1" + String(repeating: "0", count: 400) + "}",
        #"{"a":1e308}"#, #"{"a":1.8e308}"#, #"{"a":1e400}"#, #"{"a":-1e400}"#, #"{"a":1.5e-400}"#, #"{"a":4.9e-324}"#,
        // Strings and escapes
        "{\"a\":\"tab\there\"}", "{\"a\":\"\u{7F}\"}", #"{"a":"\u0000"}"#, #"{"a":"\x"}"#, #"{"a":"\/"}"#, #"{"a":"\u00E9"}"#,
        #"{"\u0061":"k"}"#, #"{"a":"\u12"}"#, #"{"a":"\u12G4"}"#, #"["\u0041\u00e9\u4e2d"]"#,
        #"{"a":"\ud83d\ude00"}"#, #"["\uD834\uDD1E"]"#, #"["\uDBFF\uDFFF"]"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#,
        #"{"a":"\ud800\u0041"}"#, #"{"a":"\ud800x"}"#, #"{"a":"\uDE00\uD83D"}"#, #"["\uD800\uDBFF"]"#,
        // Foundation drops a byte-order mark that opens a run of unescaped text
        "{\"a\":\"\u{FEFF}x\"}", "{\"a\":\"\\n\u{FEFF}x\"}", "{\"\u{FEFF}a\":1}", "\u{FEFF}{\"a\":1}",
    ]

    @Test func acceptsAndRefusesWhatFoundationDid() {
        for text in Self.corpus {
            #expect(Self.agree(Array(text.utf8)), "\(text.debugDescription)")
        }
    }

    @Test func invalidUTF8IsRefusedAsFoundationRefusedIt() {
        let quoted: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
        for bytes in quoted {
            let body = Array(#"{"a":""#.utf8) + bytes + Array(#""}"#.utf8)
            #expect(Self.agree(body), "\(bytes)")
            #expect(JSONReader.value(of: Data(body)) == nil)
        }
    }

    /// 512 nested arrays or objects are read, 513 refused, as Foundation did; deeper bodies
    /// must not exhaust the stack of the connection's thread.
    @Test func nestingIsLimitedAsFoundationLimitedIt() {
        for depth in [511, 512, 513, 100_000] {
            let arrays = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
            #expect(Self.agree(arrays), "\(depth)")
            let inObject = Array(("{\"a\":" + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}").utf8)
            #expect(Self.agree(inObject), "\(depth)")
        }
        #expect(JSONReader.value(of: Data((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)) != nil)
        #expect(JSONReader.value(of: Data((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8)) == nil)
    }

    /// Foundation read UTF-16 and UTF-32 bodies too, told by a byte-order mark or by zero bytes.
    @Test func otherUnicodeEncodingsAreReadAsFoundationReadThem() {
        for text in [#"{"a":"x"}"#, #"{"a":"é😀"}"#, "[1]", "[]", "{}"] {
            let utf16LE = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let utf16BE = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            let utf32LE = text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
            let utf32BE = text.unicodeScalars.flatMap { scalar in (0..<4).reversed().map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
            for (name, bytes) in [("UTF-16LE", utf16LE), ("UTF-16BE", utf16BE), ("UTF-32LE", utf32LE), ("UTF-32BE", utf32BE)] {
                for marked in [bytes, [0xFF, 0xFE] + bytes, [0xFE, 0xFF] + bytes, [0, 0, 0xFE, 0xFF] + bytes, Array(bytes.dropLast())] {
                    #expect(Self.agree(marked), "\(name) \(text) \(marked.prefix(4))")
                }
            }
            #expect(Self.agree([0xEF, 0xBB, 0xBF] + Array(text.utf8)), "\(text)")
        }
        for bytes: [UInt8] in [[0x7B], [0, 0x7B], [0x7B, 0], [0x5B, 0x5D, 0], [0, 0x5B, 0x5D], [0xFF, 0xFE], [0xFE, 0xFF]] {
            #expect(Self.agree(bytes), "\(bytes)")
        }
    }

    /// Bodies the writer produced, then damaged at random: the two readers agree on every one.
    @Test func damagedBodiesAreJudgedAsFoundationJudgedThem() {
        var generator = SeededGenerator(seed: 42)
        let pieces = Array("{}[],:\"\\ \t\n\r0123456789-+.eEtrufalsn/xu".utf8)
        let values: [JSONValue] = [
            .null, true, false, 0, -7, .int(.max), .int(.min), .double(1.5), .double(-2.5e-7), .double(1e300),
            "", "text", "é/\u{1F}\"\\😀", [1, "a", [:]], ["k": [true, .null]],
        ]
        for _ in 0..<20_000 {
            var fields: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                fields["k\(index)"] = values.randomElement(using: &generator) ?? .null
            }
            var bytes = JSONWriter.bytes(of: .object(fields)) ?? []
            for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(pieces.randomElement(using: &generator) ?? 0, at: at)
                case 2: bytes[at] = pieces.randomElement(using: &generator) ?? 0
                default: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            #expect(Self.agree(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func requestBodiesReadTheirStringFields() {
        let request = HTTPRequest(method: "POST", path: "/", query: nil, headers: [:],
                                  body: Data(#"{"username":"demo","password":"","n":1,"AuthParameters":{"USERNAME":"a\/b"}}"#.utf8))
        let body = request.jsonObject()
        #expect(body?.string("username") == "demo")
        #expect(body?.string("password") == nil)
        #expect(body?.string("n") == nil)
        #expect(body?.object("AuthParameters").string("USERNAME") == "a/b")
        #expect(body?.object("username").string("x") == nil)
        let array = HTTPRequest(method: "POST", path: "/", query: nil, headers: [:], body: Data("[1]".utf8))
        #expect(array.jsonObject() == nil)
    }
}
