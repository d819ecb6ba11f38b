import Foundation
import Testing
@testable import AuthEngine

@Suite struct ExpiryResolverTests {
    let received = Date(timeIntervalSince1970: 1_700_000_000)
    let jwtWithExp = JWTDecoderTests.makeToken(claims: #"{"exp":1700000500}"#)

    @Test func absoluteTimestampWinsOverEverything() {
        let r = ExpiryResolver.resolve(absolute: "2023-11-14T23:13:20Z", expiresIn: 60, token: jwtWithExp, documentedLifetime: 10, receivedAt: received)
        #expect(r == ExpiryResolution(expiresAt: received.addingTimeInterval(3600), source: .absoluteTimestamp))
    }

    @Test func fractionalSecondsAndOffsetsParse() {
        let r = ExpiryResolver.resolve(absolute: "2023-11-15T00:13:20.250+01:00", expiresIn: nil, token: nil, documentedLifetime: nil, receivedAt: received)
        #expect(r == ExpiryResolution(expiresAt: received.addingTimeInterval(3600.25), source: .absoluteTimestamp))
    }

    @Test func expiresInCountsFromReceipt() {
        let r = ExpiryResolver.resolve(absolute: "not a date", expiresIn: 86_400, token: jwtWithExp, documentedLifetime: 10, receivedAt: received)
        #expect(r == ExpiryResolution(expiresAt: received.addingTimeInterval(86_400), source: .expiresIn))
    }

    @Test func jwtExpWhenTheAnswerSaysNothing() {
        let r = ExpiryResolver.resolve(absolute: nil, expiresIn: nil, token: jwtWithExp, documentedLifetime: 10, receivedAt: received)
        #expect(r == ExpiryResolution(expiresAt: Date(timeIntervalSince1970: 1_700_000_500), source: .jwtClaim))
    }

    @Test func documentedLifetimeForOpaqueTokens() {
        let r = ExpiryResolver.resolve(absolute: nil, expiresIn: nil, token: "opaque", documentedLifetime: 900, receivedAt: received)
        #expect(r == ExpiryResolution(expiresAt: received.addingTimeInterval(900), source: .documentedLifetime))
    }

    @Test func unknownWithNothingToGoOn() {
        #expect(ExpiryResolver.resolve(absolute: nil, expiresIn: -5, token: "opaque", documentedLifetime: nil, receivedAt: received) == .unknown)
    }

    @Test func apiTokensNeverExpire() {
        let tokens = TokenSet.apiToken("exa-api-token", obtainedAt: received)
        #expect(tokens.accessExpirySource == .never)
        #expect(tokens.accessExpiresAt == nil)
        #expect(tokens.isAccessValid(at: received.addingTimeInterval(10 * 365 * 86_400)))
        #expect(ProviderDefinition.exabits.apiCredentials(for: tokens) == [.header(name: "Authorization", value: "Bearer exa-api-token")])
    }
}
