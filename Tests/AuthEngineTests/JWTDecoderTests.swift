import Foundation
import Testing
@testable import AuthEngine

@Suite struct JWTDecoderTests {
    static func makeToken(header: String = #"{"alg":"HS256","typ":"JWT"}"#, claims: String) -> String {
        Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(Data(claims.utf8)) + ".c2lnbmF0dXJl"
    }

    @Test func decodesHeaderAndClaimsInOrderWithDates() throws {
        let token = Self.makeToken(claims: #"{"sub":"alice","exp":1700000900,"iat":1700000000,"nbf":1700000000,"scope":["a","b"],"n":1.5}"#)
        let jwt = try JWT(decoding: token)
        #expect(jwt.header.map(\.name) == ["alg", "typ"])
        #expect(jwt.headerValue("alg") == .string("HS256"))
        #expect(jwt.claims.map(\.name) == ["sub", "exp", "iat", "nbf", "scope", "n"])
        #expect(jwt.claim("scope") == .array([.string("a"), .string("b")]))
        #expect(jwt.expiresAt == Date(timeIntervalSince1970: 1_700_000_900))
        #expect(jwt.issuedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(jwt.notBefore == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(jwt.hasSignature)
    }

    @Test func base64URLAlphabetAndMissingPaddingAreHandled() throws {
        // "?>?" encodes to "Pz4/" in base64: the URL alphabet turns it into "Pz4_".
        let token = Self.makeToken(claims: #"{"q":"?>?","exp":1}"#)
        #expect(token.contains("_") || token.contains("-"))
        #expect(try JWT(decoding: token).claim("q") == .string("?>?"))
    }

    @Test(arguments: ["", "opaque-refresh-token", "a.b", "a.b.c.d", "!!!.@@@.###", "e30.bm90IGpzb24.x", "W10.e30.x"])
    func garbageIsNotAJWT(_ text: String) {
        #expect(JWT.decodeIfPossible(text) == nil)
    }

    @Test func stringExpIsIgnored() throws {
        let jwt = try JWT(decoding: Self.makeToken(claims: #"{"exp":"tomorrow"}"#))
        #expect(jwt.expiresAt == nil)
    }
}
