import AuthEngine
import Foundation
import ProviderSimulator
import Testing

@Suite struct ExabitsFlowTests {
    @Test func loginWithMD5PasswordGivesTokensThatWorkWithTwoHeaders() async throws {
        let harness = try SimulatorHarness()
        let tokens = try await harness.login(.exabits, "demo", "demo-pass-2")
        #expect(tokens.attributes["username"] == "demo")
        #expect(tokens.attributes["email"] == "demo@example.com")
        #expect(tokens.accessExpiresAt == harness.clock.now().addingTimeInterval(30 * 60))
        #expect(tokens.refreshExpiresAt == harness.clock.now().addingTimeInterval(2 * 3600))
        #expect(try await harness.protectedStatus(.exabits, with: tokens) == 200)
        // Without the refresh-token header the call is refused: both headers are needed.
        var accessOnly = tokens
        accessOnly.refreshToken = nil
        #expect(try await harness.protectedStatus(.exabits, with: accessOnly) == 401)
    }

    @Test func plainPasswordOnTheWireWouldFail() async throws {
        let harness = try SimulatorHarness()
        var plain = ProviderDefinition.exabits
        plain.passwordTransform = .plain
        let error = await authError { try await harness.client(.exabits, definition: plain).login(username: "demo", password: "demo-pass-2") }
        #expect(error == .wrongCredentials("Invalid username or password!"))
    }

    @Test func http200WithStatusFalseIsAFailure() async throws {
        let harness = try SimulatorHarness()
        let error = await authError { try await harness.client(.exabits).login(username: "demo", password: "wrong") }
        #expect(error == .wrongCredentials("Invalid username or password!"))
        harness.simulator.addUser(SimulatedUser(username: "off", password: "pw-123456", isDisabled: true), to: .exabits)
        let disabled = await authError { try await harness.client(.exabits).login(username: "off", password: "pw-123456") }
        #expect(disabled == .wrongCredentials("Your account has been disabled."))
    }

    @Test func refreshIsUnsupportedWithoutARequest() async throws {
        let harness = try SimulatorHarness()
        let tokens = try await harness.login(.exabits, "demo", "demo-pass-2")
        let before = harness.simulator.requestCount(for: .exabits)
        let error = await authError { try await harness.client(.exabits).refresh(tokens) }
        #expect(error == .unsupported("Exabits has no refresh endpoint; log in again."))
        #expect(harness.simulator.requestCount(for: .exabits) == before)
    }

    /// API Token mode: a token created through the API works with `Authorization` alone and never expires.
    @Test func apiTokenNeverExpiresAndUsesBearerOnly() async throws {
        let harness = try SimulatorHarness()
        let session = try await harness.login(.exabits, "demo", "demo-pass-2")
        let url = try #require(URL(string: harness.simulator.baseURL(for: .exabits) + "api-tokens"))
        let headers = ProviderDefinition.exabits.apiCredentials(for: session).compactMap { credential -> HTTPHeader? in
            if case .header(let name, let value) = credential { return HTTPHeader(name, value) }
            return nil
        }
        let created = try await CurlTransport().send(.json(url: url, body: .object([("name", .string("ci"))]), headers: headers))
        #expect(created.status == 200)
        let apiToken = try #require(try JSONParser.parse(created.body)["data"]?["token"]?.stringValue)
        let tokens = TokenSet.apiToken(apiToken, obtainedAt: harness.clock.now())
        #expect(ProviderDefinition.exabits.apiCredentials(for: tokens).count == 1)
        harness.clock.advance(by: 400 * 86_400)
        #expect(tokens.isAccessValid(at: harness.clock.now()))
        #expect(try await harness.protectedStatus(.exabits, with: tokens) == 200)
        #expect(JWT.decodeIfPossible(apiToken)?.expiresAt == nil)
    }
}
