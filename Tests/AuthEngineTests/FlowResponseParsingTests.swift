import Foundation
import Testing
@testable import AuthEngine

/// Answers the simulator cannot be made to give (it is a faithful server): documented examples
/// with missing or empty fields, opaque tokens, an HTML 200. A canned transport stands in.
@Suite struct FlowResponseParsingTests {
    struct CannedTransport: HTTPTransport {
        let response: HTTPResponse
        func send(_ request: HTTPRequest) async throws(AuthError) -> HTTPResponse { response }
    }

    let clock = ManualClock()

    func client(_ provider: ProviderDefinition, status: Int = 200, body: String, headers: [HTTPHeader] = []) -> AuthClient {
        AuthClient(provider: provider, baseURL: "https://example.test",
                   transport: CannedTransport(response: HTTPResponse(status: status, headers: HTTPHeaderFields(headers), body: Data(body.utf8))),
                   clock: clock)
    }

    /// The Exabits excerpt's own example has `"access_token": ""` (and is malformed JSON).
    @Test func emptyOrMissingAccessTokenIsUnexpected() async {
        let empty = #"{"status":true,"message":"Login successful!","data":{"username":"u","access_token":"","refresh_token":"r"}}"#
        let error = await authError { try await client(.exabits, body: empty).login(username: "u", password: "p") }
        #expect(error == .unexpectedResponse("the answer has no access_token"))
        let noData = #"{"status":true,"message":"ok"}"#
        #expect(await authError { try await client(.exabits, body: noData).login(username: "u", password: "p") }
                == .unexpectedResponse("the answer has no \"data\" object"))
    }

    @Test func opaqueTokensFallBackToDocumentedLifetimes() async throws {
        let body = #"{"access_token":"opaque-a","token_type":"bearer","refresh_token":"opaque-r"}"#
        let outcome = try await client(.byteConnect, body: body).login(username: "u", password: "p")
        guard case .tokens(let tokens) = outcome else { Issue.record("expected tokens"); return }
        #expect(tokens.accessExpirySource == .documentedLifetime)
        #expect(tokens.accessExpiresAt == clock.now().addingTimeInterval(900))
        #expect(tokens.refreshExpiresAt == clock.now().addingTimeInterval(15 * 86_400))
    }

    @Test func htmlWithStatus200IsUnexpected() async {
        let error = await authError {
            try await client(.starship, body: "<!DOCTYPE html><html><body>Sign in to Wi-Fi</body></html>",
                             headers: [HTTPHeader("Content-Type", "text/html")]).login(username: "u", password: "p")
        }
        #expect(error == .unexpectedResponse("an HTML page instead of JSON (a proxy, captive portal or wrong base URL?)"))
    }

    @Test func messagesThatEchoSecretsOrAreLongAreDropped() async {
        let echo = #"{"error":"unauthorized","message":"bad password hunter22"}"#
        #expect(await authError { try await client(.starship, status: 401, body: echo).login(username: "u", password: "hunter22") }
                == .wrongCredentials("Wrong username or password."))
        let long = #"{"message":""# + String(repeating: "x", count: 500) + #""}"#
        #expect(await authError { try await client(.wikimedia, status: 500, body: long).login(username: "u", password: "p") }
                == .serverError(status: 500, message: ""))
    }

    @Test func rotatingRefreshWithoutANewRefreshTokenIsUnexpected() async {
        let old = TokenSet(accessToken: "a", refreshToken: "r", obtainedAt: clock.now())
        let error = await authError { try await client(.starship, body: #"{"access_token":"a2"}"#).refresh(old) }
        #expect(error == .unexpectedResponse("the refresh answer has no new refresh_token"))
    }

    @Test func unknownChallengeIsUnsupported() async {
        let body = #"{"challenge_name":"SOFTWARE_TOKEN_MFA","session":"s"}"#
        let error = await authError { try await client(.wikimedia, body: body).login(username: "u", password: "p") }
        #expect(error == .unsupported("Wikimedia Enterprise asks for a SOFTWARE_TOKEN_MFA step, which tokenman cannot answer; log in on the provider's website."))
    }

    @Test func unexpectedStatusIsNamed() async {
        let error = await authError { try await client(.starship, status: 418, body: #"{"message":"short and stout"}"#).login(username: "u", password: "p") }
        #expect(error == .unexpectedResponse("HTTP 418: short and stout"))
    }
}
