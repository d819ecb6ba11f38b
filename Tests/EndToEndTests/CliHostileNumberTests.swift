import Foundation
import Testing

/// Numbers from a hostile or broken provider, over loopback HTTP, through the real binary.
/// Each used to trap (exit 132: `Int(someDouble)` out of range) or to store a date that could
/// not be read back; now they are clamped to years 0001–9999 or capped, and every command works.
@Suite("Hostile numbers from a provider", .endToEndSlot)
struct CliHostileNumberTests {
    /// A JWT with the given claims (the signature is not checked by a client).
    static func jwt(_ claims: String) -> String {
        func segment(_ text: String) -> String {
            Data(text.utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        return segment(#"{"alg":"HS256","typ":"JWT"}"#) + "." + segment(claims) + ".c2ln"
    }

    /// A private world: a canned server as the provider `hostile`, and account `h` on it.
    struct World {
        let server: CannedHTTPServer
        let directory: TemporaryDirectory
        var environment: [String: String]
        var configPath: String { directory.path + "/config.toml" }

        init(_ response: CannedHTTPServer.Response, settings: String = "") throws {
            server = try CannedHTTPServer(response)
            directory = try TemporaryDirectory()
            environment = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": directory.path, "LANG": "C.UTF-8",
                "TOKENMAN_CONFIG": directory.path + "/config.toml",
                "TOKENMAN_STATE_DIR": directory.path + "/state",
                "TM_TEST_PW_H": "hostile-pass",
            ]
            let config = """
            [settings]
            \(settings)

            [providers.hostile]
            base_url = "\(server.baseURL)"
            refresh_path = "refresh"

            [[accounts]]
            name = "h"
            provider = "hostile"
            username = "u"
            password_env = "TM_TEST_PW_H"

            """
            try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        }

        func tokenman(_ arguments: String...) async throws -> ProcessRunner.Result {
            try await ProcessRunner.run(arguments, environment: environment)
        }
    }

    static let farFutureAnswers: [String] = [
        #"{"access_token":"a1","refresh_token":"r1","expires_in":1e20}"#,
        #"{"access_token":"a1","refresh_token":"r1","expires_in":1e300}"#,
        #"{"access_token":"a1","refresh_token":"r1","expires_in":99999999999999999999999}"#,
        "{\"access_token\":\"\(jwt(#"{"exp":1e300,"iat":1e300,"nbf":-1e300}"#))\",\"refresh_token\":\"r1\"}",
    ]

    @Test(arguments: farFutureAnswers)
    func aFarFutureExpiryIsClampedAndEveryCommandWorks(body: String) async throws {
        let world = try World(.init(body: body))
        let login = try await world.tokenman("login", "h")
        #expect(login.status == 0, "\(login)")
        for command in [["list", "--json"], ["status", "h", "--json"], ["token", "h"], ["header", "h"],
                        ["exec", "h", "--", "sh", "-c", "test -n \"$TOKENMAN_ACCESS_EXPIRES_IN\""]] {
            let result = try await ProcessRunner.run(command, environment: world.environment)
            #expect(result.status == 0, "\(command): \(result)")
        }
        let status = try await world.tokenman("status", "h", "--json")
        #expect(status.stdout.contains("\"access_expires_at\":\"9999-12-31T23:59:59Z\""), "\(status)")
        #expect(world.server.requestCount == 1, "a valid token must not be renewed")
    }

    /// An `exp` of -1e18 became the year -4712, which the store then could not read back.
    @Test func aFarPastExpiryIsClampedAndReadable() async throws {
        let token = Self.jwt(#"{"exp":-1e18}"#)
        let world = try World(.init(body: "{\"access_token\":\"\(token)\",\"refresh_token\":\"r1\"}"))
        let login = try await world.tokenman("login", "h")
        #expect(login.status == 0, "\(login)")
        let status = try await world.tokenman("status", "h", "--json")
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("\"access_expires_at\":\"0001-01-01T00:00:00Z\""), "\(status)")
        let list = try await world.tokenman("list", "--json")
        #expect(list.status == 0 && list.stdout.contains("\"state\":\"expired\""), "\(list)")
    }

    @Test func aHugeRetryAfterIsCappedAtADay() async throws {
        let world = try World(.init(status: 429, headers: ["Retry-After: 99999999999999999999999999"], body: #"{"message":"slow down"}"#))
        let login = try await world.tokenman("login", "h")
        #expect(login.status == 8, "\(login)")
        #expect(login.stderr.contains("Retry in 86400s"), "\(login)")
    }

    @Test(arguments: [
        ("http_timeout = \"99999999999999999999s\"", "http_timeout: invalid duration"),
        ("http_timeout = \"0.5ms\"", "http_timeout: must be at least 1ms"),
        ("http_timeout = \"0.0001\"", "http_timeout: must be at least 1ms"),
        ("http_timeout = \"2d\"", "http_timeout: must be at most 1d"),
        ("refresh_lead = \"999999999999d\"", "refresh_lead: invalid duration"),
        ("clipboard_clear_seconds = 9223372036854775807", "clipboard_clear_seconds: must be at most 86400"),
    ])
    func outOfRangeSettingsAreConfigErrors(setting: String, message: String) async throws {
        let world = try World(.init(body: "{}"), settings: setting)
        let result = try await world.tokenman("list")
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("config.toml:2"), "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
    }
}
