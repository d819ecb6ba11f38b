import AuthEngine
import Foundation
import ProviderSimulator
import Testing

@Suite struct StarshipFlowTests {
    @Test func loginUsesTheAbsoluteExpiryInstants() async throws {
        let harness = try SimulatorHarness()
        let tokens = try await harness.login(.starship, "demo", "demo-pass-3")
        #expect(tokens.accessExpirySource == .absoluteTimestamp)
        #expect(tokens.refreshExpirySource == .absoluteTimestamp)
        #expect(tokens.accessExpiresAt == harness.clock.now().addingTimeInterval(3600))
        #expect(tokens.refreshExpiresAt == harness.clock.now().addingTimeInterval(7 * 86_400))
        #expect(tokens.attributes["client_id"] != nil)
        #expect(try await harness.protectedStatus(.starship, with: tokens) == 200)
    }

    @Test func absoluteInstantsWinOverTheJWTClaim() async throws {
        // The simulator mints a 10-minute JWT; the RFC 3339 field says the same instant, and it is
        // the one used (source .absoluteTimestamp), not the claim.
        let harness = try SimulatorHarness { $0.setLifetimes(access: 600, for: .starship) }
        let tokens = try await harness.login(.starship, "demo", "demo-pass-3")
        #expect(tokens.accessExpirySource == .absoluteTimestamp)
        #expect(tokens.accessExpiresAt == harness.clock.now().addingTimeInterval(600))
    }

    @Test func wrongPasswordIs401WrongCredentials() async throws {
        let harness = try SimulatorHarness()
        let error = await authError { try await harness.client(.starship).login(username: "demo", password: "x") }
        #expect(error == .wrongCredentials("Invalid credentials"))
    }

    @Test func missingFieldIs400Validation() async throws {
        let harness = try SimulatorHarness()
        var broken = ProviderDefinition.starship
        broken.endpoints.login.bodyFields = [RequestField("username", .username)]
        let error = await authError { try await harness.client(.starship, definition: broken).login(username: "demo", password: "x") }
        #expect(error == .validation("Username and password are required"))
    }

    @Test func tooManyAttemptsIs429WithRetryAfter() async throws {
        let harness = try SimulatorHarness { $0.loginRateLimit = LoginRateLimit(maxFailures: 3, window: 300) }
        let client = harness.client(.starship)
        for _ in 0..<3 { _ = await authError { try await client.login(username: "demo", password: "bad") } }
        harness.clock.advance(by: 100)
        let error = await authError { try await client.login(username: "demo", password: "demo-pass-3") }
        #expect(error == .rateLimited(retryAfter: 200, message: "Too many login attempts. Please try again later."))
        #expect(error?.message == "Too many login attempts. Please try again later. Retry in 200s.")
    }

    @Test func disabledAccountIs403Forbidden() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.addUser(SimulatedUser(username: "blocked", password: "pw-123456", isDisabled: true), to: .starship)
        let error = await authError { try await harness.client(.starship).login(username: "blocked", password: "pw-123456") }
        #expect(error == .forbidden("IP address not authorized"))
    }

    @Test func refreshRotatesAndTheOldRefreshTokenIsRefused() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.starship)
        let first = try await harness.login(.starship, "demo", "demo-pass-3")
        harness.clock.advance(by: 3700)
        let second = try await client.refresh(first)
        #expect(second.refreshToken != first.refreshToken)
        #expect(second.accessExpiresAt == harness.clock.now().addingTimeInterval(3600))
        #expect(try await harness.protectedStatus(.starship, with: second) == 200)
        let error = await authError { try await client.refresh(first) }
        #expect(error == .tokenRejected("Invalid refresh token (log in again)."))
    }

    @Test func logoutRevokesEverything() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.starship)
        let tokens = try await harness.login(.starship, "demo", "demo-pass-3")
        try await client.logout(tokens)
        #expect(try await harness.protectedStatus(.starship, with: tokens) == 401)
        let refresh = await authError { try await client.refresh(tokens) }
        #expect(refresh == .tokenRejected("Invalid refresh token (log in again)."))
        let again = await authError { try await client.signOut(tokens) }
        #expect(again == .tokenRejected("Invalid or missing token (log in again)."))
    }
}
