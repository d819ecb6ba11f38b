import Foundation
import Testing
@testable import AuthEngine

@Suite struct HTTPSecurityTests {
    @Test(arguments: ["http://127.0.0.1:8080/x", "http://127.1.2.3/", "http://localhost:9/", "http://[::1]:80/", "https://example.com/", "http://LOCALHOST/"])
    func allowsHTTPSAndLoopback(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect(throws: Never.self) { try TransportSecurityPolicy.check(url) }
    }

    @Test(arguments: ["http://example.com/", "http://128.0.0.1/", "http://127.0.0.1.evil.com/", "http://10.0.0.1/"])
    func refusesPlainHTTPElsewhere(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect(throws: AuthError.insecureTransport(TransportSecurityPolicy.hostName(of: url))) {
            try TransportSecurityPolicy.check(url)
        }
    }

    @Test func refusesOtherSchemes() throws {
        let url = try #require(URL(string: "ftp://example.com/"))
        #expect(throws: AuthError.self) { try TransportSecurityPolicy.check(url) }
    }

    /// The refusal happens before any connection: the host does not resolve, and the answer is
    /// `.insecureTransport`, not `.unreachable`.
    @Test func curlTransportRefusesWithoutConnecting() async throws {
        let url = try #require(URL(string: "http://auth.invalid/v1/login"))
        let transport = CurlTransport(options: .init(timeout: 1, connectTimeout: 1))
        await #expect(throws: AuthError.insecureTransport("auth.invalid")) {
            try await transport.send(HTTPRequest.json(url: url, body: .object([])))
        }
    }

    @Test func closedLoopbackPortIsUnreachable() async throws {
        // Port 9 (discard) on loopback is closed on any test machine without inetd.
        let url = try #require(URL(string: "http://127.0.0.1:9/"))
        do {
            _ = try await CurlTransport(options: .init(timeout: 2, connectTimeout: 1)).send(HTTPRequest(url: url))
            Issue.record("a closed port answered")
        } catch {
            guard case .unreachable = error else { Issue.record("expected unreachable, got \(error)"); return }
        }
    }
}
