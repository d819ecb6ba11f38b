import Foundation
import ProviderSimulator
import Testing

/// Proxies, private CAs and dropped connections, with the real binary and real sockets.
@Suite("tokenman transport: proxies, CAs, dropped connections", .endToEndSlot)
struct CliTransportTests {
    /// Plain http (loopback only) carries the password in clear: it must never be handed to the
    /// proxy named by the usual variables.
    @Test func plainHTTPToLoopbackNeverGoesThroughAProxy() async throws {
        let fixture = try CliFixture()
        let proxy = try LoopbackListener()
        let proxyURL = "http://127.0.0.1:\(proxy.port)"
        let variables = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"]
        let result = try await fixture.tokenman("token", "ss", extra: Dictionary(uniqueKeysWithValues: variables.map { ($0, proxyURL) }))
        #expect(result.status == 0, "\(result)")
        #expect(!proxy.wasContacted)
    }

    /// HTTPS keeps honouring the proxy variables, as curl users expect (the proxy here never
    /// answers, so the request fails as a network error once it was sent there).
    @Test func httpsHonoursTheProxyVariables() async throws {
        let fixture = try CliFixture(extraConfig: """

            [settings]
            http_timeout = "1s"

            [[accounts]]
            name = "remote"
            provider = "starship"
            base_url = "https://starship.invalid"
            username = "demo"
            password_env = "TM_TEST_PW_SS"

            """)
        let proxy = try LoopbackListener()
        let result = try await fixture.tokenman("token", "remote", extra: ["https_proxy": "http://127.0.0.1:\(proxy.port)"])
        #expect(result.status == 6, "\(result)")
        #expect(proxy.wasContacted)
    }

    @Test func droppedConnectionIsANetworkError() async throws {
        let fixture = try CliFixture()
        fixture.simulator.setFault(.dropConnection, for: .starship)
        let result = try await fixture.tokenman("token", "ss")
        #expect(result.status == 6, "\(result)")
        #expect(result.stderr.contains("dropped"), "\(result)")
    }

    /// A self-signed server: refused without its CA (network error 6), accepted with the
    /// account's `ca_file`, the settings' `ca_file`, or `SSL_CERT_FILE`.
    @Test func privateCAFromCAFileSettingsOrSSLCertFile() async throws {
        let fixture = try CliFixture()
        let directory = fixture.directory
        let server = try await TLSTestServer.start(directory: directory)
        do {
            try await checkPrivateCA(fixture: fixture, server: server)
        } catch {
            await BlockingWork.run { server.stop() }
            throw error
        }
        await BlockingWork.run { server.stop() }
    }

    private func checkPrivateCA(fixture: CliFixture, server: TLSTestServer) async throws {
        let directory = fixture.directory
        func config(settings: String = "", account: String = "") -> String {
            """
            \(settings)
            [[accounts]]
            name = "tls"
            provider = "starship"
            base_url = "\(server.baseURL)"
            username = "demo"
            password_env = "TM_TEST_PW_SS"
            \(account)

            """
        }
        let path = directory + "/tls.toml"
        func run(_ text: String, extra: [String: String] = [:]) async throws -> ProcessRunner.Result {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            try? FileManager.default.removeItem(atPath: fixture.stateDirectory)
            return try await fixture.tokenman("token", "tls", "--config", path, extra: extra)
        }
        let untrusted = try await run(config())
        #expect(untrusted.status == 6, "\(untrusted)")
        let perAccount = try await run(config(account: "ca_file = \"\(server.certificatePath)\""))
        #expect(perAccount.status == 0 && perAccount.output == "tls-access-token", "\(perAccount)")
        let settings = try await run(config(settings: "[settings]\nca_file = \"\(server.certificatePath)\""))
        #expect(settings.status == 0 && settings.output == "tls-access-token", "\(settings)")
        let environment = try await run(config(), extra: ["SSL_CERT_FILE": server.certificatePath])
        #expect(environment.status == 0 && environment.output == "tls-access-token", "\(environment)")
    }
}
