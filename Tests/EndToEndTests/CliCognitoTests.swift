import Foundation
import MotoSupport
import Testing

/// The scripting commands on Cognito accounts, against moto: a NEW_PASSWORD_REQUIRED login
/// answered on stdin, automatic login with a client secret, refresh, the reset code's
/// destination, change-password and logout; Cognito's `GetUser` judges every token.
@Suite struct CliCognitoTests {
    @Test func everyCommandWorksOnCognitoAccounts() async throws {
        try await MotoServer.with { try await run($0) }
    }

    private func run(_ moto: MotoServer) async throws {
        let admin = MotoCognitoAdmin(endpoint: moto.endpoint)
        let pool = try await admin.createUserPool()
        let app = try await admin.createAppClient(pool: pool, withSecret: true)
        let secret = try #require(app.secret)
        try await admin.createUser(pool: pool, username: "newbie", temporaryPassword: "Temp-Pass-1!", email: "newbie@example.com")
        try await admin.createUser(pool: pool, username: "alice", temporaryPassword: "Temp-Pass-1!", email: "alice@example.com")
        try await admin.setPassword(pool: pool, username: "alice", password: "Alice-Pass-1!", permanent: true)

        let world = try TempWorld(config: """
            [[accounts]]
            name = "cog-new"
            provider = "cognito"
            region = "us-east-1"
            base_url = "\(moto.endpoint)"
            client_id = "\(app.id)"
            client_secret_env = "TM_COGNITO_SECRET"
            username = "newbie"

            [[accounts]]
            name = "cog"
            provider = "cognito"
            base_url = "\(moto.endpoint)"
            client_id = "\(app.id)"
            client_secret_command = "printf '%s\\\\n' \\"$TM_COGNITO_SECRET\\""
            username = "alice"
            password_env = "TM_COGNITO_PW"

            """, extra: ["TM_COGNITO_SECRET": secret, "TM_COGNITO_PW": "Alice-Pass-1!"])

        // NEW_PASSWORD_REQUIRED answered from stdin.
        let login = try await world.tokenman("login", "cog-new", "--stdin", stdin: "Temp-Pass-1!\nNewbie-Pass-2!\n")
        #expect(login.status == 0, "\(login)")
        #expect(login.stderr.contains("NEW_PASSWORD_REQUIRED"))
        let newbieToken = try await world.tokenman("token", "cog-new")
        #expect(try await admin.userName(accessToken: newbieToken.output) == "newbie")
        #expect(try await world.tokenman("token", "cog-new", "--kind", "id").status == 0)

        // Automatic login with password_env and the secret from a command.
        let first = try await world.tokenman("token", "cog")
        #expect(first.status == 0, "\(first)")
        #expect(try await admin.userName(accessToken: first.output) == "alice")
        let refreshBefore = try await world.tokenman("token", "cog", "--kind", "refresh")

        // More validity than the token has left, within what Cognito grants (1 h): a refresh
        // (moto checks its SECRET_HASH). `--min-valid` of the whole lifetime or more would
        // not refresh (the provider cannot grant it), so ask for a second less, once the token
        // is surely more than a second old.
        try await Task.sleep(for: .seconds(2))
        let renewed = try await world.tokenman("token", "cog", "--min-valid", "3599s")
        #expect(renewed.status == 0, "\(renewed)")
        #expect(renewed.output != first.output)
        #expect(try await admin.userName(accessToken: renewed.output) == "alice")
        #expect(try await world.tokenman("token", "cog", "--kind", "refresh").output == refreshBefore.output)

        let header = try await world.tokenman("header", "cog")
        #expect(header.output == "Authorization: Bearer \(renewed.output)")

        // Where the reset code went, masked by Cognito.
        let reset = try await world.tokenman("forgot-password", "cog", "--request-only")
        #expect(reset.status == 0, "\(reset)")
        #expect(reset.stderr.contains("to a***@e*** (email)"))

        let wrong = try await world.tokenman("change-password", "cog", "--stdin", stdin: "Not-Alice-1!\nAlice-Pass-2!\n")
        #expect(wrong.status == 5, "\(wrong)")
        let changed = try await world.tokenman("change-password", "cog", "--stdin", stdin: "Alice-Pass-1!\nAlice-Pass-2!\n")
        #expect(changed.status == 0, "\(changed)")

        // Logout is Cognito's GlobalSignOut: the token is dead at Cognito, not only forgotten.
        let logout = try await world.tokenman("logout", "cog")
        #expect(logout.status == 0, "\(logout)")
        #expect(try await admin.userName(accessToken: renewed.output) == nil)

        // The changed password is now the one; the stale password_env is refused (exit 5).
        let stale = try await world.tokenman("token", "cog")
        #expect(stale.status == 5, "\(stale)")
        #expect(!stale.stderr.contains("Alice-Pass-1!"))
        let fresh = try await world.tokenman("token", "cog", extra: ["TM_COGNITO_PW": "Alice-Pass-2!"])
        #expect(try await admin.userName(accessToken: fresh.output) == "alice")
    }
}

/// A temp directory with a config and a state directory, for tests that bring their own server.
final class TempWorld: @unchecked Sendable {
    let directory: String
    let environment: [String: String]

    init(config: String, extra: [String: String]) throws {
        var template = Array("/tmp/tokenman-cognito-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ProcessRunner.Failure(description: "mkdtemp failed") }
        directory = String(cString: made)
        let configPath = directory + "/config.toml"
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory,
            "LANG": "C.UTF-8",
            "TOKENMAN_CONFIG": configPath,
            "TOKENMAN_STATE_DIR": directory + "/state",
        ].merging(extra) { $1 }
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func tokenman(_ arguments: String..., stdin: String? = nil, extra: [String: String] = [:]) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(arguments, environment: environment.merging(extra) { $1 }, stdin: stdin)
    }
}
