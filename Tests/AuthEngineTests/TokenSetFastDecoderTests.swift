import Foundation
import Testing
@testable import AuthEngine

@Suite struct TokenSetFastDecoderTests {
    private func slow(_ text: String) -> TokenSet? {
        try? TokenStoreFile.decoder().decode(TokenSet.self, from: Data(text.utf8))
    }

    /// Also checks that `expiry` reads the same entries as `decode`, to the same expiries.
    private func fast(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TokenSet? {
        let bytes = ArraySlice(Array(text.utf8))
        let tokens = TokenSetFastDecoder.decode(bytes)
        #expect(TokenSetFastDecoder.expiry(bytes) == tokens.map(TokenExpiry.init), "\(text)", sourceLocation: sourceLocation)
        return tokens
    }

    @Test func entriesTokenmanWritesAreReadAsJSONDecoderReadsThem() throws {
        let encoder = TokenStoreFile.encoder()
        let sources: [ExpirySource] = [.absoluteTimestamp, .expiresIn, .jwtClaim, .documentedLifetime, .never, .unknown]
        for index in 0..<300 {
            let base = Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 7919.123)
            let tokens = TokenSet(
                accessToken: "at-\(index)-é",
                refreshToken: index % 3 == 0 ? nil : "rt-\(index)",
                idToken: index % 4 == 0 ? "id-\(index)" : nil,
                accessExpiresAt: index % 5 == 0 ? nil : base + 3600,
                refreshExpiresAt: index % 2 == 0 ? base + 86_400.5 : nil,
                accessExpirySource: sources[index % sources.count],
                refreshExpirySource: sources[(index / 6) % sources.count],
                obtainedAt: base,
                attributes: index % 2 == 0 ? [:] : ["client_id": "c\(index)", "email": "u\(index)@example.com"]
            )
            let text = String(decoding: try encoder.encode(tokens), as: UTF8.self)
            let decoded = try #require(fast(text), "\(text)")
            #expect(decoded == slow(text))
        }
    }

    @Test func anythingElseIsLeftToJSONDecoder() {
        let good = #"{"accessToken":"a","accessExpirySource":"never","refreshExpirySource":"unknown","obtainedAt":"2024-01-01T00:00:00.000Z","attributes":{}"#
        #expect(fast(good + "}") != nil)
        #expect(fast(good + "}") == slow(good + "}"))
        // Nulls for optional keys are what decodeIfPresent accepts.
        let nulls = good + #","refreshToken":null,"idToken":null,"accessExpiresAt":null,"refreshExpiresAt":null}"#
        #expect(fast(nulls) != nil)
        #expect(fast(nulls) == slow(nulls))
        for tail in [
            #","extra":1}"#,                        // unknown key
            #","accessToken":"b"}"#,                // duplicate key
            #","refreshToken":"a\/b"}"#,            // an escape
            #","refreshToken":5}"#,                 // wrong type
            #","accessExpiresAt":"yesterday"}"#,    // not a date
            #","attributes":{"a":"1","a":"2"}}"#,   // duplicate attribute
        ] {
            #expect(fast(good + tail) == nil, "\(tail)")
        }
        #expect(fast(#"{"accessToken":"a"}"#) == nil)
        #expect(fast(#"{"accessToken":null,"accessExpirySource":"never","refreshExpirySource":"unknown","obtainedAt":"2024-01-01T00:00:00Z","attributes":{}}"#) == nil)
        #expect(fast(#"{"accessToken":"a","accessExpirySource":"later","refreshExpirySource":"unknown","obtainedAt":"2024-01-01T00:00:00Z","attributes":{}}"#) == nil)
        #expect(fast(#"["a"]"#) == nil)
        // Not UTF-8, a control character in a string, text after the object, a key or a source
        // that only starts like a known one.
        #expect(fast(good.replacingOccurrences(of: #""a""#, with: "\"a\u{1}\"") + "}") == nil)
        let notUTF8 = ArraySlice(Array(#"{"accessToken":""#.utf8) + [0xFF] + Array(good.dropFirst(#"{"accessToken":""#.count).utf8) + [UInt8(ascii: "}")])
        #expect(TokenSetFastDecoder.decode(notUTF8) == nil)
        #expect(TokenSetFastDecoder.expiry(notUTF8) == nil)
        #expect(fast(good + "} x") == nil)
        #expect(fast(good.replacingOccurrences(of: "accessToken", with: "accessTokens") + "}") == nil)
        #expect(fast(good.replacingOccurrences(of: #""never""#, with: #""neve""#) + "}") == nil)
        #expect(fast(good.replacingOccurrences(of: #""never""#, with: #""nevers""#) + "}") == nil)
    }

    @Test func everyExpirySourceIsReadFromItsText() {
        for source in ExpirySource.allCases {
            let text = #"{"accessToken":"a","accessExpirySource":"\#(source.rawValue)","refreshExpirySource":"unknown","obtainedAt":"2024-01-01T00:00:00Z","attributes":{}}"#
            #expect(fast(text)?.accessExpirySource == source)
        }
    }
}
