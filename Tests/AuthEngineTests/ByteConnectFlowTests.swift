import AuthEngine
import Foundation
import ProviderSimulator
import Testing

@Suite struct ByteConnectFlowTests {
    @Test func loginGivesTokensThatWorkInTheJSONBody() async throws {
        let harness = try SimulatorHarness()
        let tokens = try await harness.login(.byteConnect, "demo", "demo-pass-1")
        // No expiry in the answer: the JWT exp claim decides (the simulator mints 15 min / 15 days).
        #expect(tokens.accessExpirySource == .jwtClaim)
        #expect(tokens.accessExpiresAt == harness.clock.now().addingTimeInterval(15 * 60))
        #expect(tokens.refreshExpirySource == .jwtClaim)
        #expect(tokens.refreshExpiresAt == harness.clock.now().addingTimeInterval(15 * 86_400))
        #expect(tokens.attributes["token_type"] == "bearer")
        #expect(try await harness.protectedStatus(.byteConnect, with: tokens) == 200)
        var forged = tokens
        forged.accessToken += "x"
        #expect(try await harness.protectedStatus(.byteConnect, with: forged) == 401)
    }

    @Test func wrongPasswordIsWrongCredentials() async throws {
        let harness = try SimulatorHarness()
        let error = await authError { try await harness.client(.byteConnect).login(username: "demo", password: "nope") }
        #expect(error == .wrongCredentials("Username or password was invalid."))
    }

    @Test func disabledAccountIsForbidden() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.addUser(SimulatedUser(username: "frozen", password: "pw-123456", isDisabled: true), to: .byteConnect)
        let error = await authError { try await harness.client(.byteConnect).login(username: "frozen", password: "pw-123456") }
        #expect(error == .forbidden("This account is disabled."))
    }

    @Test func repeatedFailuresAreRateLimitedWithRetryAfter() async throws {
        let harness = try SimulatorHarness { $0.loginRateLimit = LoginRateLimit(maxFailures: 2, window: 120) }
        let client = harness.client(.byteConnect)
        for _ in 0..<2 { _ = await authError { try await client.login(username: "demo", password: "bad") } }
        let error = await authError { try await client.login(username: "demo", password: "demo-pass-1") }
        #expect(error == .rateLimited(retryAfter: 120, message: "Too many failed login attempts. Please try again later."))
    }

    @Test func refreshPostsBothTokensAndRotates() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.byteConnect)
        let first = try await harness.login(.byteConnect, "demo", "demo-pass-1")
        harness.clock.advance(by: 20 * 60)  // the access token has expired: that is why one refreshes
        #expect(try await harness.protectedStatus(.byteConnect, with: first) == 401)
        let second = try await client.refresh(first)
        #expect(second.refreshToken != first.refreshToken)
        #expect(second.accessExpiresAt == harness.clock.now().addingTimeInterval(15 * 60))
        #expect(try await harness.protectedStatus(.byteConnect, with: second) == 200)
        // The old refresh token was revoked by the rotation.
        let error = await authError { try await client.refresh(first) }
        guard case .tokenRejected = error else { Issue.record("expected tokenRejected, got \(String(describing: error))"); return }
    }

    @Test func flowsByteConnectLacksAreUnsupported() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.byteConnect)
        let tokens = try await harness.login(.byteConnect, "demo", "demo-pass-1")
        let before = harness.simulator.requestCount(for: .byteConnect)
        #expect(await authError { try await client.signOut(tokens) } == .unsupported("ByteConnect has no logout or revoke endpoint; forget the tokens locally."))
        #expect(await authError { try await client.requestPasswordReset(username: "demo") } == .unsupported("ByteConnect has no forgot-password endpoint."))
        #expect(await authError { try await client.changePassword(tokens: tokens, old: "a", new: "b") } == .unsupported("ByteConnect has no change-password endpoint."))
        #expect(harness.simulator.requestCount(for: .byteConnect) == before)
    }
}
