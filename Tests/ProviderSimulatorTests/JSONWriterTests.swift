import Foundation
@testable import ProviderSimulator
import TestSupport
import Testing

/// The simulator's JSON writer against what it replaced: `JSONSerialization` with
/// `[.sortedKeys, .withoutEscapingSlashes]`. Answers must stay byte-identical.
@Suite struct JSONWriterTests {
    /// Every key the simulator writes, in answers and in token payloads.
    static let simulatorKeys = [
        "AccessToken", "AttributeName", "AuthenticationResult", "ChallengeName", "ChallengeParameters",
        "CodeDeliveryDetails", "DeliveryMedium", "Destination", "ExpiresIn", "IdToken", "Name", "RefreshToken",
        "Session", "TokenType", "USER_ID_FOR_SRP", "UserAttributes", "Username", "Value", "__type",
        "access_expires_at", "access_token", "balance", "bytefederal", "challenge_name", "client_id", "cognito",
        "created_at", "currency", "data", "email", "error", "exabits", "exp", "expires_in", "iat", "id", "id_token",
        "iss", "jti", "logins", "message", "name", "ok", "provider", "refresh_expires_at", "refresh_token",
        "refreshes", "requests", "requiredAttributes", "session", "starship", "status", "sub", "token",
        "token_type", "token_use", "username", "wikimedia",
    ]

    static func foundationBytes(_ object: [String: JSONValue]) -> [UInt8]? {
        (try? JSONSerialization.data(withJSONObject: foundationObject(.object(object)), options: [.sortedKeys, .withoutEscapingSlashes]))
            .map { [UInt8]($0) }
    }

    static func foundationObject(_ value: JSONValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .string(let text): text
        case .array(let elements): elements.map(foundationObject)
        case .object(let fields): fields.mapValues(foundationObject)
        }
    }

    static func expectSameBytes(_ object: [String: JSONValue], sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = JSONWriter.bytes(of: .object(object))
        let foundation = foundationBytes(object)
        #expect(ours == foundation, "\(String(decoding: ours ?? [], as: UTF8.self)) vs \(String(decoding: foundation ?? [], as: UTF8.self))", sourceLocation: sourceLocation)
    }

    @Test func answersShapedLikeTheSimulatorsAreByteIdentical() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ0b2tlbm1hbi1zaW11bGF0b3IvYnl0ZWZlZGVyYWwifQ.c2ln-_"
        Self.expectSameBytes([
            "AuthenticationResult": ["AccessToken": .string(jwt), "ExpiresIn": 3600, "IdToken": .string(jwt), "RefreshToken": .string(jwt), "TokenType": "Bearer"],
            "ChallengeParameters": [:],
        ])
        Self.expectSameBytes(["ChallengeName": "NEW_PASSWORD_REQUIRED", "Session": "c2Vzc2lvbg", "ChallengeParameters": ["USER_ID_FOR_SRP": "newbie", "requiredAttributes": "[]"]])
        Self.expectSameBytes(["Username": "demo", "UserAttributes": [["Name": "email", "Value": "demo@example.com"]]])
        Self.expectSameBytes(["CodeDeliveryDetails": ["Destination": "d***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"]])
        Self.expectSameBytes(["status": true, "message": "Login successful!", "data": ["username": "demo", "email": "demo@example.com", "access_token": .string(jwt), "refresh_token": .string(jwt)]])
        Self.expectSameBytes(["status": true, "message": "Success", "data": [["id": 1, "name": "ci", "created_at": "2023-11-14T22:13:20Z"], ["id": 2, "name": "b", "created_at": "2023-11-14T22:13:21Z"]]])
        Self.expectSameBytes(["access_token": .string(jwt), "refresh_token": .string(jwt), "access_expires_at": "2023-11-14T23:13:20Z", "refresh_expires_at": "", "client_id": 100_001])
        Self.expectSameBytes(["ok": true, "provider": "starship", "username": "demo", "client_id": 100_003, "balance": "1000.00", "currency": "USD"])
        Self.expectSameBytes(["status": 422, "message": "new_password must be between 6 and 255 characters long"])
        Self.expectSameBytes(["__type": "NotAuthorizedException", "message": "Incorrect username or password."])
        Self.expectSameBytes(["error": "not_found", "message": "No simulated provider serves /nowhere/../x?y=\"z\""])
        Self.expectSameBytes(["bytefederal": ["requests": 3, "logins": 1, "refreshes": 0], "cognito": ["requests": 0, "logins": 0, "refreshes": 0]])
        Self.expectSameBytes(["iss": "tokenman-simulator/bytefederal", "sub": "demo", "jti": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "token_use": "access", "iat": 1_700_000_000, "exp": 1_700_000_900])
        Self.expectSameBytes([:])
    }

    @Test func everySimulatorKeySortsAsFoundationSortedIt() {
        var object: [String: JSONValue] = [:]
        for (index, key) in Self.simulatorKeys.enumerated() { object[key] = .int(index) }
        Self.expectSameBytes(object)
    }

    /// Keys of letters, digits and `_`: Foundation's order is not byte order (case-insensitive,
    /// numeric, `_` first, lowercase before uppercase on ties).
    @Test func identifierKeysSortAsFoundationSortedThem() {
        var generator = SeededGenerator(seed: 13)
        let alphabet = Array("aAbBzZ_0129")
        for _ in 0..<500 {
            var object: [String: JSONValue] = [:]
            for _ in 0..<12 {
                let length = Int.random(in: 1...5, using: &generator)
                object[String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })] = .null
            }
            Self.expectSameBytes(object)
        }
    }

    @Test func stringsEscapeAsFoundationEscapedThem() {
        var everyASCII = ""
        for value in UInt8(0)...0x7F { everyASCII.unicodeScalars.append(Unicode.Scalar(value)) }
        Self.expectSameBytes(["a": .string(everyASCII)])
        Self.expectSameBytes(["path/with/slashes": "https://example.com/a/b", "u": "é\u{301}\u{80}\u{9F}\u{A0}\u{2028}\u{2029}\u{FEFF}\u{FFFE}😀\u{10FFFF}"])
        Self.expectSameBytes(["hostile": "line\r\nInjected: header\u{0}\u{1B}[31m\"quoted\"\\"])
    }

    @Test func numbersBooleansAndNullWriteAsFoundationWroteThem() {
        let integers: [Int] = [0, 1, -1, 42, 100_001, Int.max, Int.min, 1_700_000_000, -62_135_769_600]
        Self.expectSameBytes(["i": .array(integers.map(JSONValue.int)), "t": true, "f": false, "n": .null])
        let doubles: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.5, 1.5, 100, 0.1 + 0.2, 1e15, 1e16, 1e17, 1e20, 1e21, 1e22, 1e-4, 1e-5, 1e-7,
            2.5e-5, 3.14159, 12_345_678.9, 123_456_789_012_345_680, 9_007_199_254_740_992, .leastNonzeroMagnitude,
            .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e300,
        ]
        Self.expectSameBytes(["d": .array(doubles.map(JSONValue.double))])
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let random = (0..<20).map { _ in Double(bitPattern: generator.next()) }.filter(\.isFinite)
            Self.expectSameBytes(["d": .array(random.map(JSONValue.double))])
        }
    }

    @Test func nestingAndEmptyContainersWriteAsFoundationWroteThem() {
        Self.expectSameBytes(["a": [:], "b": [], "c": [[1, 2], [3], []], "d": [["e": [["f": .null]]]]])
    }

    /// JSON cannot spell them: Foundation threw, and `HTTPResponse.json` answered `{}`.
    @Test func nonFiniteDoublesAreRefusedAsFoundationRefusedThem() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(JSONWriter.bytes(of: ["a": .double(number)]) == nil)
            #expect(Self.foundationBytes(["a": .double(number)]) == nil)
        }
        #expect(HTTPResponse.json(200, ["a": .double(.nan)]).body == Data("{}".utf8))
    }
}
