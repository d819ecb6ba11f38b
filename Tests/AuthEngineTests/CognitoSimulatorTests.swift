import AuthEngine
import Foundation
import ProviderSimulator
import Testing

/// The service on Cognito accounts against the simulator's Cognito operations: what moto 5.2.1
/// lacks (RevokeToken, PasswordResetRequiredException) and the dispatch of `ProviderAuthenticator`.
@Suite struct CognitoSimulatorTests {
    final class Fixture: @unchecked Sendable {
        let simulator: ProviderSimulator
        let scratch = ScratchDirectory()
        let service: AccountService

        init() throws {
            simulator = ProviderSimulator(configuration: SimulatorConfiguration(port: 0, output: { _ in }))
            _ = try simulator.start()
            let settings = CognitoAccountSettings(region: "us-east-1", clientID: "tokenman-sim-client")
            let base = simulator.baseURL(for: .cognito)
            let accounts = ["demo", "resetme", "newbie"].map { (user: String) in
                AccountConfig(name: "cog-\(user)", providerID: "cognito", baseURL: base, username: user, cognito: settings)
            }
            service = AccountService(
                accounts: accounts, store: TokenStore(directory: scratch.path),
                authenticator: ProviderAuthenticator(catalog: ProviderCatalog()))
        }

        deinit { simulator.stop() }
    }

    @Test func loginRefreshAndRevokeThroughTheService() async throws {
        let fixture = try Fixture()
        guard case .loggedIn(let tokens) = try await fixture.service.login(account: "cog-demo", password: "demo-pass-6") else {
            Issue.record("expected tokens"); return
        }
        #expect(tokens.idToken != nil)
        let refreshed = try await fixture.service.refresh(account: "cog-demo")
        #expect(refreshed.accessToken != tokens.accessToken)
        #expect(refreshed.refreshToken == tokens.refreshToken)

        // GlobalSignOut ends it at the provider, then the tokens are forgotten.
        try await fixture.service.logout(account: "cog-demo")
        #expect(try fixture.service.storedTokens()["cog-demo"] == nil)
        let client = try CognitoClient(endpoint: fixture.simulator.baseURL(for: .cognito), clientID: "tokenman-sim-client")
        let dead = await authError { try await client.refresh(refreshed) }
        guard case .tokenRejected = dead else { Issue.record("expected tokenRejected, got \(String(describing: dead))"); return }
    }

    @Test func revokeTokenEndsOneSession() async throws {
        let fixture = try Fixture()
        let client = try CognitoClient(endpoint: fixture.simulator.baseURL(for: .cognito), clientID: "tokenman-sim-client")
        guard case .tokens(let tokens) = try await client.login(username: "demo", password: "demo-pass-6") else {
            Issue.record("expected tokens"); return
        }
        try await client.revokeToken(tokens)
        let refused = await authError { try await client.refresh(tokens) }
        guard case .tokenRejected = refused else { Issue.record("expected tokenRejected, got \(String(describing: refused))"); return }
    }

    @Test func passwordResetRequiredLeadsToAResetWithACode() async throws {
        let fixture = try Fixture()
        let refused = await authError { try await fixture.service.login(account: "cog-resetme", password: "old-pass-8") }
        guard case .passwordResetRequired = refused else { Issue.record("expected passwordResetRequired, got \(String(describing: refused))"); return }
        let delivery = try await fixture.service.requestPasswordReset(account: "cog-resetme")
        #expect(delivery?.summary == "r***@e*** (email)")
        let code = try #require(fixture.simulator.lastForgotPasswordCode(for: "resetme"))
        let wrong = await authError { try await fixture.service.confirmPasswordReset(account: "cog-resetme", code: code == "000000" ? "111111" : "000000", newPassword: "brand-new-9") }
        #expect(wrong == .validation("The confirmation code is wrong."))
        try await fixture.service.confirmPasswordReset(account: "cog-resetme", code: code, newPassword: "brand-new-9")
        guard case .loggedIn = try await fixture.service.login(account: "cog-resetme", password: "brand-new-9") else {
            Issue.record("expected tokens after the reset"); return
        }
    }

    @Test func newPasswordChallengeThroughTheService() async throws {
        let fixture = try Fixture()
        guard case .challenge(let challenge) = try await fixture.service.login(account: "cog-newbie", password: "temp-pass-7") else {
            Issue.record("expected the challenge"); return
        }
        let tokens = try await fixture.service.answerChallenge(account: "cog-newbie", challenge: challenge, newPassword: "fresh-pass-9")
        #expect(try fixture.service.storedTokens()["cog-newbie"]?.accessToken == tokens.accessToken)
        #expect(fixture.simulator.password(of: "newbie", on: .cognito) == "fresh-pass-9")
    }
}
