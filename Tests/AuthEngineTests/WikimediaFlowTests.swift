import AuthEngine
import Foundation
import ProviderSimulator
import Testing

@Suite struct WikimediaFlowTests {
    @Test func loginGivesThreeTokensWithExpiresIn() async throws {
        let harness = try SimulatorHarness()
        let tokens = try await harness.login(.wikimedia, "demo", "demo-pass-4")
        #expect(tokens.idToken != nil)
        #expect(tokens.accessExpirySource == .expiresIn)
        #expect(tokens.accessExpiresAt == harness.clock.now().addingTimeInterval(86_400))
        // No refresh expiry in the answer: the refresh JWT's exp (90 days in the simulator).
        #expect(tokens.refreshExpirySource == .jwtClaim)
        #expect(tokens.refreshExpiresAt == harness.clock.now().addingTimeInterval(90 * 86_400))
        #expect(try await harness.protectedStatus(.wikimedia, with: tokens) == 200)
    }

    @Test func usernameIsSentInLowercase() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.addUser(SimulatedUser(username: "alice.smith", password: "alice-pass-1"), to: .wikimedia)
        let tokens = try await harness.login(.wikimedia, "Alice.Smith", "alice-pass-1")
        #expect(try await harness.protectedStatus(.wikimedia, with: tokens) == 200)
        // Proof the transform matters: without it the case-sensitive server refuses.
        var verbatim = ProviderDefinition.wikimedia
        verbatim.usernameTransform = .unchanged
        let error = await authError { try await harness.client(.wikimedia, definition: verbatim).login(username: "Alice.Smith", password: "alice-pass-1") }
        #expect(error == .wrongCredentials("Incorrect username or password."))
    }

    @Test func wrongPasswordIs401WrongCredentials() async throws {
        let harness = try SimulatorHarness()
        let error = await authError { try await harness.client(.wikimedia).login(username: "demo", password: "nope") }
        #expect(error == .wrongCredentials("Incorrect username or password."))
    }

    @Test func newPasswordChallengeAnsweredGivesTokens() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.wikimedia)
        let outcome = try await client.login(username: "Newbie", password: "temp-pass-5")
        guard case .newPasswordRequired(let challenge) = outcome else { Issue.record("expected a challenge, got \(outcome)"); return }
        #expect(challenge.name == "NEW_PASSWORD_REQUIRED")
        #expect(challenge.username == "newbie")
        #expect(challenge.startedAt == harness.clock.now())
        #expect(challenge.expiresAt == harness.clock.now().addingTimeInterval(180))
        #expect(!challenge.description.contains(challenge.session))
        let tokens = try await client.answerNewPasswordChallenge(challenge, newPassword: "brand-new-pass")
        #expect(try await harness.protectedStatus(.wikimedia, with: tokens) == 200)
        #expect(harness.simulator.password(of: "newbie", on: .wikimedia) == "brand-new-pass")
        _ = try await harness.login(.wikimedia, "newbie", "brand-new-pass")
    }

    @Test func expiredChallengeSessionIsChallengeExpired() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.wikimedia)
        guard case .newPasswordRequired(let challenge) = try await client.login(username: "newbie", password: "temp-pass-5") else {
            Issue.record("expected a challenge"); return
        }
        harness.clock.advance(by: 181)
        #expect(challenge.isExpired(at: harness.clock.now()))
        let error = await authError { try await client.answerNewPasswordChallenge(challenge, newPassword: "brand-new-pass") }
        #expect(error == .challengeExpired)
    }

    @Test func shortNewPasswordIs422Validation() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.wikimedia)
        guard case .newPasswordRequired(let challenge) = try await client.login(username: "newbie", password: "temp-pass-5") else {
            Issue.record("expected a challenge"); return
        }
        let error = await authError { try await client.answerNewPasswordChallenge(challenge, newPassword: "abc") }
        #expect(error == .validation("new_password must be between 6 and 255 characters long"))
    }

    @Test func refreshKeepsTheRefreshToken() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.wikimedia)
        let first = try await harness.login(.wikimedia, "demo", "demo-pass-4")
        harness.clock.advance(by: 86_400 + 60)
        #expect(try await harness.protectedStatus(.wikimedia, with: first) == 401)
        let second = try await client.refresh(first, username: "DEMO")
        #expect(second.refreshToken == first.refreshToken)
        #expect(second.refreshExpiresAt == first.refreshExpiresAt)
        #expect(second.refreshExpirySource == first.refreshExpirySource)
        #expect(second.accessToken != first.accessToken)
        #expect(second.idToken != nil && second.idToken != first.idToken)
        #expect(second.accessExpiresAt == harness.clock.now().addingTimeInterval(86_400))
        #expect(try await harness.protectedStatus(.wikimedia, with: second) == 200)
        // Still usable: Cognito does not rotate.
        _ = try await client.refresh(second, username: "demo")
    }

    @Test func refreshWithoutUsernameIsUnsupported() async throws {
        let harness = try SimulatorHarness()
        let tokens = try await harness.login(.wikimedia, "demo", "demo-pass-4")
        let error = await authError { try await harness.client(.wikimedia).refresh(tokens) }
        #expect(error == .unsupported("Wikimedia Enterprise needs the username for this step."))
    }

    @Test func refreshLimitIs429WithoutRetryAfter() async throws {
        let harness = try SimulatorHarness { $0.wikimediaRefreshLimit = 1 }
        let client = harness.client(.wikimedia)
        let tokens = try await harness.login(.wikimedia, "demo", "demo-pass-4")
        _ = try await client.refresh(tokens, username: "demo")
        let error = await authError { try await client.refresh(tokens, username: "demo") }
        #expect(error == .rateLimited(retryAfter: nil, message: "Refresh tokens limit has been exceeded."))
    }

    @Test func revokeKillsRefreshAndAccessTokens() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.wikimedia)
        let tokens = try await harness.login(.wikimedia, "demo", "demo-pass-4")
        try await client.signOut(tokens)  // Wikimedia has revoke only
        #expect(try await harness.protectedStatus(.wikimedia, with: tokens) == 401)
        let error = await authError { try await client.refresh(tokens, username: "demo") }
        #expect(error == .tokenRejected("Refresh Token has been revoked (log in again)."))
        let logout = await authError { try await client.logout(tokens) }
        #expect(logout == .unsupported("Wikimedia Enterprise has no logout endpoint."))
    }

    @Test func forgotPasswordCodeThenConfirmThenLogin() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.wikimedia)
        try await client.requestPasswordReset(username: "Demo")
        let code = try #require(harness.simulator.lastForgotPasswordCode(for: "demo"))
        let wrong = await authError { try await client.confirmPasswordReset(username: "demo", code: code == "000000" ? "111111" : "000000", newPassword: "reset-pass-9") }
        #expect(wrong == .validation("Invalid verification code provided, please try again."))
        try await client.confirmPasswordReset(username: "DEMO", code: code, newPassword: "reset-pass-9")
        _ = try await harness.login(.wikimedia, "demo", "reset-pass-9")
        let old = await authError { try await client.login(username: "demo", password: "demo-pass-4") }
        #expect(old == .wrongCredentials("Incorrect username or password."))
    }

    @Test func changePasswordThenLoginWithTheNewOne() async throws {
        let harness = try SimulatorHarness()
        let client = harness.client(.wikimedia)
        let tokens = try await harness.login(.wikimedia, "demo", "demo-pass-4")
        let wrongOld = await authError { try await client.changePassword(tokens: tokens, old: "guess", new: "changed-pass-7") }
        #expect(wrongOld == .wrongCredentials("Incorrect username or password."))
        let short = await authError { try await client.changePassword(tokens: tokens, old: "demo-pass-4", new: "x") }
        #expect(short == .validation("proposed_password must be between 6 and 256 characters long"))
        try await client.changePassword(tokens: tokens, old: "demo-pass-4", new: "changed-pass-7")
        _ = try await harness.login(.wikimedia, "demo", "changed-pass-7")
        harness.clock.advance(by: 2 * 86_400)
        let expired = await authError { try await client.changePassword(tokens: tokens, old: "changed-pass-7", new: "again-pass-8") }
        #expect(expired == .tokenRejected("Access Token has expired (log in again)."))
    }

    @Test func jwtDecoderReadsRealTokens() async throws {
        let harness = try SimulatorHarness()
        let tokens = try await harness.login(.wikimedia, "demo", "demo-pass-4")
        let access = try JWT(decoding: tokens.accessToken)
        #expect(access.headerValue("alg") == .string("HS256"))
        #expect(access.claim("sub") == .string("demo"))
        #expect(access.claim("token_use") == .string("access"))
        #expect(Set(access.claims.map(\.name)).isSuperset(of: ["iss", "sub", "jti", "iat", "exp", "token_use"]))
        #expect(access.issuedAt == harness.clock.now())
        #expect(access.expiresAt == harness.clock.now().addingTimeInterval(86_400))
        #expect(access.hasSignature)
        let id = try JWT(decoding: try #require(tokens.idToken))
        #expect(id.claim("token_use") == .string("id"))
    }
}
