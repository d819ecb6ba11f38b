import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The add/edit form shows the keys the chosen provider declares (Cognito's region, app client
/// id and client secret source), checks them with the config's own rules and writes them back.
@Suite("Account form: provider keys")
struct AccountFormProviderKeysTests {
    private static let cognitoIDs = ["region", "client_id", "client_secret"]

    /// Opens the add form and steps the picker to `provider`.
    private func addForm(_ model: inout AppModel, provider: String) -> AccountFormScreen? {
        _ = Fixture.keys(&model, .character("a"))
        for _ in 0..<model.catalog.ids.count {
            guard case .accountForm(let screen) = model.screen else { return nil }
            if screen.form.value(of: "provider") == provider { return screen }
            _ = Fixture.keys(&model, .right)
        }
        return nil
    }

    private func fieldIDs(_ model: AppModel) -> [String] {
        guard case .accountForm(let screen) = model.screen else { return [] }
        return screen.form.fields.map(\.id)
    }

    private func message(_ model: AppModel, _ id: String) -> String? {
        guard case .accountForm(let screen) = model.screen else { return nil }
        return screen.form.fields.first { $0.id == id }?.validationMessage
    }

    @Test func pickingAProviderShowsItsOwnFieldsAndKeepsWhatWasTyped() throws {
        var model = Fixture.model()
        _ = try #require(addForm(&model, provider: "byteconnect"))
        #expect(fieldIDs(model) == ["provider", "name", "username", "base_url", "subdomain", "affiliate_id", "source"])
        _ = try #require(addForm(&model, provider: "cognito"))
        #expect(fieldIDs(model) == ["provider", "name", "username", "base_url"] + Self.cognitoIDs + ["source"])
        // The picker keeps the focus; the view names the new fields.
        #expect(Fixture.render(model, height: 24).lines.contains { $0.contains("Client id") })
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "pool-user")
        for _ in 0..<4 { _ = Fixture.keys(&model, .tab) }  // name → username → base_url → region → client_id
        Fixture.type(&model, "abc123")
        // Away to another provider: its form has no client id; back again: the text is still there.
        for _ in 0..<5 { _ = Fixture.keys(&model, .backTab) }
        _ = Fixture.keys(&model, .left)
        #expect(!fieldIDs(model).contains("client_id"))
        _ = Fixture.keys(&model, .right)
        guard case .accountForm(let back) = model.screen else { Issue.record("left the form"); return }
        #expect(back.form.value(of: "client_id") == "abc123")
        #expect(back.form.value(of: "name") == "pool-user")
        #expect(back.form.focusedField?.id == "provider")
    }

    @Test func cognitoKeysAreCheckedLikeTheConfigFile() throws {
        var model = Fixture.model()
        _ = try #require(addForm(&model, provider: "cognito"))
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "pool")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "dana")
        _ = Fixture.keys(&model, .tab, .tab)
        Fixture.type(&model, "US East 1")
        _ = Fixture.keys(&model, .tab, .tab)
        Fixture.type(&model, "s3cr3t-typed-here")
        #expect(Fixture.keys(&model, .enter, .enter).isEmpty)
        #expect(message(model, "region") == "Not a region name such as us-east-1")
        #expect(message(model, "client_id") == "Client id is required (the app client's id)")
        #expect(message(model, "client_secret") == "Use env:VAR or cmd:COMMAND (empty: a public app client)")
        guard case .accountForm(let invalid) = model.screen else { Issue.record("left the form"); return }
        // A secret typed where its source belongs is not repeated in any message.
        #expect(!invalid.form.fields.contains { $0.validationMessage?.contains("s3cr3t") == true })
        #expect(invalid.form.focusedField?.id == "region")

        // No region is fine only with a base URL (the endpoint).
        _ = Fixture.keys(&model, .control("u"))
        _ = Fixture.keys(&model, .enter, .enter, .enter, .enter)  // region → … → source, submit
        #expect(message(model, "region") == "Region is required (or a Base URL for the endpoint)")
    }

    @Test func aValidCognitoAccountBecomesADraftWithItsSettings() throws {
        var model = Fixture.model()
        _ = try #require(addForm(&model, provider: "cognito"))
        // name, username, base_url, region, client_id, client_secret
        for text in ["pool", "dana", "", "eu-west-1", "7abc", "env:POOL_SECRET"] {
            _ = Fixture.keys(&model, .tab, .control("u"))
            Fixture.type(&model, text)
        }
        // The password source: environment variable, then the variable's name.
        _ = Fixture.keys(&model, .tab, .right, .tab)
        Fixture.type(&model, "POOL_PW")
        let commands = Fixture.keys(&model, .enter)
        let draft = AccountDraft(
            name: "pool", providerID: "cognito", username: "dana", baseURL: nil, mode: .password(.environment("POOL_PW")),
            providerSettings: CognitoAccountSettings(region: "eu-west-1", clientID: "7abc", clientSecret: .environment("POOL_SECRET")))
        #expect(commands == [.saveAccount(draft, replacing: nil, requestID: 1)])
    }

    @Test func editingKeepsCognitoSettingsAndTheCAFile() throws {
        let account = AccountConfig(
            name: "pool", providerID: "cognito", baseURL: "http://127.0.0.1:5000", username: "dana",
            cognito: CognitoAccountSettings(region: nil, clientID: "7abc", clientSecret: .command("pass show pool")),
            caFile: "/etc/pool-ca.pem")
        var model = AppModel(accounts: [account], now: Fixture.t0)
        model.size = Size(width: 80, height: 24)
        _ = Fixture.keys(&model, .character("e"))
        guard case .accountForm(let screen) = model.screen else { Issue.record("no form"); return }
        #expect(screen.form.value(of: "client_id") == "7abc")
        #expect(screen.form.value(of: "client_secret") == "cmd:pass show pool")
        #expect(screen.form.value(of: "region") == "")
        // Saving unchanged writes back what was read.
        let commands = Fixture.keys(&model, .enter, .enter, .enter, .enter, .enter, .enter, .enter, .enter)
        guard case .saveAccount(let draft, "pool", _)? = commands.first else { Issue.record("no save: \(commands)"); return }
        #expect(draft.account == account)
    }

    /// Through the real runner and `ConfigWriter`: the saved file loads, with the Cognito keys.
    @Test func addingThroughTheFormWritesAConfigThatLoads() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tm-form-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.toml").path
        try "[settings]\nclipboard_clear_seconds = 10\n".write(toFile: path, atomically: true, encoding: .utf8)
        let client = EngineClient.savingConfig(at: path)
        var harness = AppHarness(model: Fixture.model(), client: client)
        harness.press(.character("a"))
        while case .accountForm(let screen) = harness.model.screen, screen.form.value(of: "provider") != "cognito" {
            harness.press(.right)
        }
        for text in ["pool", "dana", "http://127.0.0.1:5000", "", "7abc", "cmd:pass show pool", "prompt"] {
            harness.press(.tab, .control("u"))
            harness.type(text)
        }
        let messages = await harness.run(harness.press(.enter))
        harness.deliver(messages)
        let loaded = try ConfigLoader(environment: [:]).load(explicitPath: path)
        let account = try #require(loaded.account(named: "pool"))
        #expect(account.cognito == CognitoAccountSettings(region: nil, clientID: "7abc", clientSecret: .command("pass show pool")))
        #expect(account.baseURL == "http://127.0.0.1:5000")
        #expect(harness.model.screen == .accounts)
    }
}
