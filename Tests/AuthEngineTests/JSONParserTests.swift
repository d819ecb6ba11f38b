import Foundation
import Testing
@testable import AuthEngine

@Suite struct JSONParserTests {
    @Test func keepsMemberOrderAndTypes() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":[true,null,"x\u00e9\n"],"m":{"k":-2.5e1}}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(value["z"] == .number(1))
        #expect(value["a"] == .array([.bool(true), .null, .string("xé\n")]))
        #expect(value["m"]?["k"] == .number(-25))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: ["", "{", #"{"a":}"#, "[1,]", "01", "tru", #"{"a":1} x"#, "<html></html>", #""\ud83d""#, "{'a':1}"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func serializesWithEscapes() {
        let value = JSONValue.object([("b", .string("q\"\\\u{01}")), ("a", .number(3)), ("c", .number(0.5))])
        #expect(value.serialized == #"{"b":"q\"\\\u0001","a":3,"c":0.5}"#)
        #expect((try? JSONParser.parse(value.serialized)) == value)
    }

    @Test func scalarTextOfIntegersHasNoFraction() {
        #expect(JSONValue.number(123456).scalarText == "123456")
        #expect(JSONValue.bool(false).scalarText == "false")
        #expect(JSONValue.string("3600").doubleValue == 3600)
    }

    /// The string escaping as it was written scalar by scalar, before it wrote bytes.
    private static func escapedByScalars(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func stringsAreEscapedAsBefore() {
        var samples = ["", "plain", "q\"b\\s/", "é日本語👩‍👩‍👧", "\u{7F}\u{80}\u{FFFD}", "e\u{301}", "\r\n"]
        samples.append(String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self))
        for sample in samples {
            var bytes: [UInt8] = []
            JSONValue.appendString(sample, to: &bytes)
            #expect(bytes == Array(Self.escapedByScalars(sample).utf8), "\(sample.debugDescription)")
            #expect(Array(JSONValue.string(sample).serialized.utf8) == Array(Self.escapedByScalars(sample).utf8))
        }
    }
}
