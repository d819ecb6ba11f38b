import AuthEngine
import Foundation
import MotoSupport
import Testing

/// The real binary in tmux against moto (a local Cognito): a first login answered with the
/// NEW_PASSWORD_REQUIRED form, a Cognito account added through the account form, and the
/// forgot-password form naming where Cognito sent the code. Cognito's own `GetUser` judges the
/// tokens the UI stored.
@Suite("TUI: Cognito against moto", .endToEndSlot)
struct TuiCognitoMotoTests {
    @Test func newPasswordRequiredAccountFormAndResetCodeDestination() async throws {
        try await MotoServer.with { try await run($0) }
    }

    private func run(_ moto: MotoServer) async throws {
        let admin = MotoCognitoAdmin(endpoint: moto.endpoint)
        let pool = try await admin.createUserPool()
        let app = try await admin.createAppClient(pool: pool, withSecret: false)
        try await admin.createUser(pool: pool, username: "newbie", temporaryPassword: "Temp-Pass-1!", email: "newbie@example.com")
        try await admin.createUser(pool: pool, username: "alice", temporaryPassword: "Temp-Pass-1!", email: "alice@example.com")
        try await admin.setPassword(pool: pool, username: "alice", password: "Alice-Pass-1!", permanent: true)

        let tui = try await TuiFixture(accounts: [], extraConfig: """

            [[accounts]]
            name = "cog-new"
            provider = "cognito"
            base_url = "\(moto.endpoint)"
            region = "us-east-1"
            client_id = "\(app.id)"
            username = "newbie"

            """)

        // NEW_PASSWORD_REQUIRED: the temporary password, then the new one twice.
        try await tui.logIn(row: 0, name: "cog-new", password: "Temp-Pass-1!")
        try await tui.session.waitFor(text: "New password required · cog-new", timeout: 15)
        try await tui.session.type("Newbie-Pass-2!")
        try await tui.session.press("Tab")
        try await tui.session.type("Newbie-Pass-2!")
        try await tui.session.press("Enter")
        let row = try await tui.waitForRow("cog-new", timeout: 15, "valid") { $0.contains(" valid ") }
        try expectCountdowns(row)
        #expect(!(try await tui.session.screen()).contains("Newbie-Pass-2!"))
        let token = try await tokenman(tui, "token", "cog-new")
        #expect(token.status == 0, "\(token)")
        #expect(try await admin.userName(accessToken: token.output) == "newbie")

        // Add a Cognito account through the form; the file it writes loads and logs in.
        try await addThroughForm(tui, endpoint: moto.endpoint, clientID: app.id)
        let config = try ConfigLoader(environment: [:]).load(explicitPath: tui.configPath)
        let added = try #require(config.account(named: "cog-form"))
        #expect(added.cognito == CognitoAccountSettings(region: "us-east-1", clientID: app.id))
        #expect(added.baseURL == moto.endpoint)
        try await tui.logIn(row: 0, name: "cog-form", password: "Alice-Pass-1!")
        let aliceRow = try await tui.waitForRow("cog-form", timeout: 15, "valid") { $0.contains(" valid ") }
        try expectCountdowns(aliceRow)
        let aliceToken = try await tokenman(tui, "token", "cog-form")
        #expect(try await admin.userName(accessToken: aliceToken.output) == "alice")

        // Forgot password: Cognito says where the code went, masked.
        try await tui.select(0)
        try await tui.session.press("f")
        try await tui.session.waitFor(text: "Forgot password · cog-form", timeout: 5)
        try await tui.session.press("Enter")  // the username comes from the config
        try await tui.session.waitFor(text: "a***@e*** (email)", timeout: 15)
    }

    /// Presses `a`, steps the provider picker to Cognito (the form then shows its keys) and
    /// fills every field; waits for the saved message.
    private func addThroughForm(_ tui: TuiFixture, endpoint: String, clientID: String) async throws {
        try await tui.session.press("a")
        try await tui.session.waitFor(text: "Add account", timeout: 5)
        // One step at a time: a key sent before the last one is drawn could step past Cognito.
        func picked(_ screen: String) -> String? { screen.split(separator: "\n").first { $0.contains("│ Provider ") }.map(String.init) }
        for _ in 0..<ProviderCatalog().ids.count {
            let screen = try await tui.session.screen()
            if screen.contains("Client id") { break }
            try await tui.session.press("Right")
            try await tui.session.waitFor("the provider picker to move", timeout: 5) { picked($0) != picked(screen) }
        }
        try await tui.session.waitFor(text: "Client id", timeout: 5)
        // name, username, base URL, region, client id, client secret (none), password (prompt)
        for text in ["cog-form", "alice", endpoint, "us-east-1", clientID, ""] {
            try await tui.session.press("Tab")
            if !text.isEmpty { try await tui.session.type(text) }
        }
        try await tui.session.press("Tab", "Enter")
        try await tui.session.waitFor(text: "saved cog-form to the config", timeout: 10)
    }

    /// ACCESS counts down within the hour Cognito grants; REFRESH shows Cognito's 30 days
    /// ("29d 23h": the list shows days and hours beyond a day).
    private func expectCountdowns(_ row: String) throws {
        let access = try #require(TuiFixture.accessSeconds(of: row), "no ACCESS countdown in \(row)")
        #expect(access > 0 && access <= 3600, "\(row)")
        let refresh = row.split(separator: " ").suffix(2).joined(separator: " ")
        #expect(["29d 23h", "30d 0h"].contains(refresh), "no REFRESH countdown of 30 days in \(row)")
    }

    private func tokenman(_ tui: TuiFixture, _ arguments: String...) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(arguments + ["--config", tui.configPath, "--state-dir", tui.stateDirectory], environment: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": tui.directory.path, "LANG": "C.UTF-8",
        ])
    }
}
