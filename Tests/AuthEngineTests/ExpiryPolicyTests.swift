import Foundation
import Testing
@testable import AuthEngine
import ProviderSimulator

/// Tokens whose expiry nobody stated, and `--min-valid` beyond what the provider grants.
@Suite struct ExpiryPolicyTests {
    /// A custom provider that states no expiry and has no `access_lifetime`: the token is used
    /// (until the provider refuses it), not replaced by a login on every call.
    @Test func unknownExpiryIsUsedWithoutARequest() async throws {
        let fixture = try SharedStoreFixture()
        var tokens = sampleTokens("no-expiry")
        tokens.accessExpiresAt = nil
        tokens.accessExpirySource = .unknown
        let service = fixture.process()
        try service.store.save(tokens, account: "gifts-env")
        let used = try await service.validTokens(account: "gifts-env", minValid: 60)
        #expect(used.accessToken == "no-expiry")
        #expect(fixture.simulator.tally(for: .starship).requests == 0)
        #expect(try service.status().first { $0.account == "gifts-env" }?.state == .valid)
    }

    @Test func minValidBeyondTheGrantDoesNotRenewWithinTheTokensLife() async throws {
        let fixture = try SharedStoreFixture()
        fixture.simulator.setLifetimes(access: 120, for: .starship)
        let service = fixture.process()
        let first = try await fixture.login("gifts", "demo-pass-3")
        fixture.clock.advance(by: 30)
        let requests = fixture.simulator.tally(for: .starship).requests
        #expect(try await service.validTokens(account: "gifts", minValid: 300) == first)
        #expect(try await service.validTokens(account: "gifts", minValid: 300) == first)
        #expect(fixture.simulator.tally(for: .starship).requests == requests)
        // Within the grant, a shortfall still renews.
        let renewed = try await service.validTokens(account: "gifts", minValid: 100)
        #expect(renewed.accessToken != first.accessToken)
        #expect(fixture.simulator.tally(for: .starship).refreshes == 1)
        // Once the token has run out, it is renewed whatever was asked.
        fixture.clock.advance(by: 200)
        let again = try await service.validTokens(account: "gifts", minValid: 300)
        #expect(again.accessToken != renewed.accessToken)
        #expect(fixture.simulator.tally(for: .starship).refreshes == 2)
    }

    @Test func coversMinValidRules() {
        let now = referenceDate + 30
        let tokens = sampleTokens(accessLifetime: 120)
        #expect(tokens.coversMinValid(60, at: now))
        #expect(!tokens.coversMinValid(100, at: now))
        #expect(tokens.coversMinValid(300, at: now))
        #expect(!tokens.coversMinValid(.infinity, at: now))
        #expect(!tokens.coversMinValid(300, at: referenceDate + 121))
    }
}
