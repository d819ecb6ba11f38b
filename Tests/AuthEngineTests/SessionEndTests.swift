import AuthEngine
import Foundation
import Synchronization
import Testing

/// How a session ends: which providers offer a choice, and that the chosen endpoint is the
/// one called (issue 12: the logout dialog offers log out / revoke).
@Suite struct SessionEndTests {
    /// Answers 200 `{}` to everything and keeps the URLs it was asked for.
    final class PathRecorder: HTTPTransport {
        let paths = Mutex<[String]>([])

        func send(_ request: HTTPRequest) async throws(AuthError) -> HTTPResponse {
            paths.withLock { $0.append(request.url.path) }
            return HTTPResponse(status: 200, body: Data("{}".utf8))
        }
    }

    static let both = ProviderDefinition(
        id: "both", displayName: "Both", defaultBaseURL: "https://both.example",
        endpoints: ProviderEndpoints(
            login: Endpoint(path: "login"),
            logout: Endpoint(path: "logout", sendsBearerAccessToken: true),
            revoke: Endpoint(path: "revoke", bodyFields: [RequestField("refresh_token", .refreshToken)])))

    @Test func theChoiceComesFromTheEndpoints() {
        #expect(Self.both.sessionEnds == [.logout, .revoke])
        #expect(ProviderDefinition.cognito.sessionEnds == [.logout, .revoke])
        #expect(ProviderDefinition.starship.sessionEnds == [.logout])
        #expect(ProviderDefinition.wikimedia.sessionEnds == [.revoke])
        #expect(ProviderDefinition.exabits.sessionEnds == [])
    }

    @Test(arguments: [(SessionEnd.logout, "/logout"), (SessionEnd.revoke, "/revoke")])
    func theChosenEndpointIsCalled(end: SessionEnd, path: String) async throws {
        let transport = PathRecorder()
        let authenticator = AuthClientAuthenticator(catalog: ProviderCatalog(custom: [Self.both]), transport: transport)
        let account = AccountConfig(name: "a", providerID: "both", username: "u")
        let tokens = TokenSet(accessToken: "access-token-1", refreshToken: "refresh-token-1", obtainedAt: Date())
        try await authenticator.endSession(account, tokens: tokens, with: end)
        #expect(transport.paths.withLock { $0 } == [path])
    }
}
