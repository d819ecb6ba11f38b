@testable import AuthEngine
import Foundation
import TestSupport

/// Generates `tokens.json` texts of every shape a reader must agree on (for the streaming reader's
/// tests): entries readable fast, readable by `JSONDecoder` only, unreadable and not objects;
/// names with escapes and repeats; `version` before or after `accounts`, missing, newer or not a
/// number; repeated `accounts`; other top-level members; a BOM; any whitespace; entries longer
/// than a chunk. Deterministic for a seed.
struct TokenStoreTextGenerator {
    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ bound: Int) -> Int { random.next(below: bound) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// Names as they appear in the file (JSON string literals) and as they read.
    static let names: [(literal: String, name: String)] = [
        (#""acct-1""#, "acct-1"), (#""acct-2""#, "acct-2"), (#""acct-10""#, "acct-10"),
        (#""we\"ird""#, "we\"ird"), (#""\u00e9t\u00e9""#, "été"), (#""été""#, "été"),
        (#""\ud83d\ude00""#, "😀"), (#""a\\b""#, "a\\b"), (#""tab\tx""#, "tab\tx"),
        (#""a\/b""#, "a/b"), (#""""#, ""), (#""accounts""#, "accounts"), (#""version""#, "version"),
    ]

    static var allNames: [String] { Array(Set(names.map(\.name))).sorted() + ["missing"] }

    mutating func whitespace() -> String { pick(["", "", " ", "\n    ", "\t", "\r\n", "  \n  "]) }

    mutating func entry(longText: Int) -> String {
        let token = "at-\(below(1000))"
        let fast = #"{"accessToken": "\#(token)", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}"#
        switch below(12) {
        case 0, 1, 2: return fast
        case 3:
            return #"{"accessToken" : "\#(token)", "refreshToken" : "r", "accessExpiresAt" : "2030-01-01T00:00:00.000Z","#
                + #" "refreshExpiresAt": "2031-01-01T00:00:00.000Z", "obtainedAt": "2025-06-15T15:06:40.000Z","#
                + #" "accessExpirySource": "expires_in", "refreshExpirySource": "documented", "attributes": {"k": "v"}}"#
        case 4:
            return #"{"accessToken": "a\/b\u00e9", "obtainedAt": "2025-06-15T15:06:40Z", "accessExpirySource": "never", "refreshExpirySource": "unknown", "attributes": {}}"#
        case 5: return #"{"accessToken": 5}"#
        case 6:
            return #"{"accessToken": "dead", "accessExpiresAt": "-4712-01-01T00:00:00.000Z", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "jwt_exp", "refreshExpirySource": "unknown", "attributes": {}}"#
        case 7: return pick(["[1, 2, {\"a\": []}]", "\"text\"", "null", "12.5e3", "-0", "true", "false", "{}", "1234567"])
        case 8:
            let long = String(repeating: "x", count: longText)
            return #"{"accessToken": "\#(long)", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {"long": "\#(long)"}}"#
        case 9:
            return #"{"accessToken": "\#(token)", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}, "extra": [true, false, null, 1e-3]}"#
        case 10:
            return #"{"accessToken": "\#(token)", "idToken": null, "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {"\ud83d\ude00": "\u0041"}}"#
        default: return fast
        }
    }

    mutating func accountsObject(longText: Int) -> String {
        let count = below(8)
        guard count > 0 else { return "{" + whitespace() + "}" }
        let members = (0..<count).map { _ in
            whitespace() + pick(Self.names).literal + whitespace() + ":" + whitespace() + entry(longText: longText) + whitespace()
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A whole store text, well-formed JSON (some of them still refused: a missing or newer
    /// version, `accounts` not an object).
    mutating func store(longText: Int = 600) -> String {
        var members: [String] = []
        let accounts = below(10) == 0 ? pick(["[1]", "\"no\"", "null", "3"]) : accountsObject(longText: longText)
        members.append(#""accounts""# + whitespace() + ":" + whitespace() + accounts)
        if below(6) == 0 { members.insert(#""accounts": "# + accountsObject(longText: longText), at: 0) }
        if below(4) == 0 { members.append(#""extra": {"x": [1, 2, {"y": null}], "s": "a\"b"}"#) }
        if below(5) == 0 { members.insert(#""n": 123"#, at: 0) }
        let version = below(12)
        let versionText = version < 8 ? "1" : pick(["2", "\"1\"", "1.0", "-1", "99999999999999999999", "0", "{}"])
        if version != 11 {
            if below(3) == 0 { members.insert(#""version": "# + versionText, at: 0) } else { members.append(#""version": "# + versionText) }
        }
        if below(8) == 0 { members.insert(#""version": 7"#, at: 0) }
        let body = members.map { whitespace() + $0 + whitespace() }.joined(separator: ",")
        return (below(10) == 0 ? "\u{FEFF}" : "") + whitespace() + "{" + body + "}" + whitespace()
    }

    /// `text` damaged in one place: a byte replaced, removed or repeated.
    mutating func damaged(_ text: [UInt8]) -> [UInt8] {
        guard !text.isEmpty else { return Array("x".utf8) }
        var bytes = text
        let at = below(bytes.count)
        switch below(3) {
        case 0: bytes[at] = pick(Array("{}[]\",:0a\\ \u{1}e-.t".utf8))
        case 1: bytes.remove(at: at)
        default: bytes.insert(bytes[at], at: at)
        }
        return bytes
    }
}
