import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The add/edit form's password source as a choice with its own value field, and the fields
/// a provider declares, each through the real `ConfigWriter` and back (issue 12).
@Suite("Account form: password source and provider fields")
struct AccountFormSourceTests {
    /// A config file in a scratch folder and a harness whose saves go through `ConfigWriter`.
    struct ConfigFile {
        let directory: URL
        var path: String { directory.appendingPathComponent("config.toml").path }

        init(_ text: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("tm-source-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(toFile: directory.appendingPathComponent("config.toml").path, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
        func text() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
        func load() throws -> TokenmanConfig { try ConfigLoader(environment: [:]).load(explicitPath: path) }

        func harness() throws -> AppHarness {
            let path = path
            let client = EngineClient.savingConfig(at: path)
            var model = AppModel(accounts: try load().accounts, now: Fixture.t0)
            model.size = Size(width: 80, height: 24)
            return AppHarness(model: model, client: client)
        }
    }

    static func form(_ model: AppModel) -> FormState? {
        guard case .accountForm(let screen) = model.screen else { return nil }
        return screen.form
    }

    static func message(_ model: AppModel, _ id: String) -> String? {
        form(model)?.fields.first { $0.id == id }?.validationMessage
    }

    static func focus(_ harness: inout AppHarness, _ id: String) {
        for _ in 0..<20 where form(harness.model)?.focusedField?.id != id { harness.press(.tab) }
    }

    static func choose(_ harness: inout AppHarness, provider: String) {
        for _ in 0..<10 where form(harness.model)?.value(of: "provider") != provider { harness.press(.right) }
    }

    static func save(_ harness: inout AppHarness) async {
        let messages = await harness.run(harness.press(.enter))
        harness.deliver(messages)
    }

    @Test func sourceIsAChoiceWithItsOwnField() throws {
        var model = Fixture.model()
        model.size = Size(width: 80, height: 24)
        _ = Fixture.keys(&model, .character("a"))
        var form = try #require(Self.form(model))
        #expect(form.value(of: "source") == "prompt")
        #expect(!form.fields.contains { $0.id == "source_value" })
        #expect(Fixture.render(model, width: 80, height: 24).lines.contains { $0.contains("Password      < prompt when needed >") })
        // Typing into the choice does nothing ("promptx" was possible before).
        while Self.form(model)?.focusedField?.id != "source" { _ = Fixture.keys(&model, .tab) }
        Fixture.type(&model, "x")
        #expect(Self.form(model)?.value(of: "source") == "prompt")
        #expect(AppView.hints(model).contains(KeyHint("←→", "choose")))

        _ = Fixture.keys(&model, .right)
        form = try #require(Self.form(model))
        #expect(form.value(of: "source") == "env")
        #expect(form.focusedField?.id == "source")
        #expect(form.fields.last?.label == "Variable")
        let lines = Fixture.render(model, width: 80, height: 24).lines
        #expect(lines.contains { $0.contains("< environment variable >") })
        #expect(lines.contains { $0.contains("Variable") })

        _ = Fixture.keys(&model, .character(" "))
        #expect(Self.form(model)?.fields.last?.label == "Command")
        _ = Fixture.keys(&model, .left, .left)
        #expect(Self.form(model)?.value(of: "source") == "prompt")
        #expect(Self.form(model)?.fields.last?.id == "source")
    }

    @Test func sourceValueIsValidatedWithAClearMessage() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("a"), .right, .tab)  // exabits: no declared fields
        Fixture.type(&model, "gpu2")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "dave")
        _ = Fixture.keys(&model, .tab, .tab, .right, .tab)
        #expect(Fixture.keys(&model, .enter).isEmpty)
        #expect(Self.message(model, "source_value") == "The variable's name is required")
        Fixture.type(&model, "9LIVES")
        #expect(Fixture.keys(&model, .enter).isEmpty)
        #expect(Self.message(model, "source_value") == "A variable name: letters, digits and _, not starting with a digit")
        _ = Fixture.keys(&model, .control("u"), .backTab, .right, .tab)  // command, empty
        #expect(Fixture.keys(&model, .enter).isEmpty)
        #expect(Self.message(model, "source_value") == "The command is required")
        Fixture.type(&model, "pass show gpu")
        let commands = Fixture.keys(&model, .enter)
        #expect(commands == [.saveAccount(AccountDraft(name: "gpu2", providerID: "exabits", username: "dave", baseURL: nil, mode: .password(.command("pass show gpu"))), replacing: nil, requestID: 1)])
    }

    @Test func sourceRoundTripsThroughTheConfigFile() async throws {
        let file = try ConfigFile("# my accounts\n[settings]\nclipboard_clear_seconds = 10\n")
        defer { file.remove() }
        var harness = try file.harness()
        harness.press(.character("a"))
        Self.choose(&harness, provider: "exabits")
        harness.press(.tab)
        harness.type("gpu")
        harness.press(.tab)
        harness.type("dave")
        Self.focus(&harness, "source")
        harness.press(.right, .tab)
        harness.type("GPU_PW")
        await Self.save(&harness)
        #expect(try file.text().contains("password_env = \"GPU_PW\""))
        #expect(try file.text().hasPrefix("# my accounts\n"))
        #expect(harness.model.screen == .accounts)

        // Editing shows the source the file has, and changing it rewrites the key.
        harness.press(.character("e"))
        let edit = try #require(Self.form(harness.model))
        #expect(edit.value(of: "source") == "env")
        #expect(edit.value(of: "source_value") == "GPU_PW")
        Self.focus(&harness, "source")
        harness.press(.right, .tab, .control("u"))
        harness.type("pass show gpu")
        await Self.save(&harness)
        let text = try file.text()
        #expect(text.contains("password_command = \"pass show gpu\""))
        #expect(!text.contains("password_env"))
        #expect(try file.load().account(named: "gpu")?.mode == .password(.command("pass show gpu")))

        // And back to prompt: the value field goes away, the file says prompt.
        harness.press(.character("e"))
        Self.focus(&harness, "source")
        harness.press(.right)
        #expect(Self.form(harness.model)?.value(of: "source") == "prompt")
        await Self.save(&harness)
        #expect(try file.text().contains("password_prompt = true"))
    }

    @Test func editingAnAPITokenAccountKeepsItsSource() throws {
        let account = AccountConfig(name: "ci", providerID: "exabits", mode: .apiToken(.command("pass show token")))
        var model = AppModel(accounts: [account], now: Fixture.t0)
        model.size = Size(width: 80, height: 24)
        _ = Fixture.keys(&model, .character("e"))
        let form = try #require(Self.form(model))
        #expect(form.value(of: "source") == "token-cmd")
        #expect(form.value(of: "source_value") == "pass show token")
        let commands = Fixture.keys(&model, .enter, .enter, .enter, .enter, .enter, .enter)
        guard case .saveAccount(let draft, "ci", _)? = commands.first else { Issue.record("no save: \(commands)"); return }
        #expect(draft.mode == .apiToken(.command("pass show token")))
    }

    // MARK: - Provider-declared fields

    @Test func theFormShowsTheFieldsTheProviderDeclares() throws {
        var model = Fixture.model()
        model.size = Size(width: 80, height: 24)
        _ = Fixture.keys(&model, .character("a"))
        let declared = try #require(ProviderCatalog().definition(id: "byteconnect")?.accountFields)
        #expect(Self.form(model)?.value(of: "provider") == "byteconnect")
        let ids = Self.form(model)?.fields.map(\.id) ?? []
        for field in declared { #expect(ids.contains(field.id)) }
        let lines = Fixture.render(model, width: 80, height: 24).lines
        for field in declared { #expect(lines.contains { $0.contains(field.label) }) }
        #expect(lines.contains { $0.contains("optional") }, "an optional field says so")
        // Another provider: its fields go, what was typed comes back with the provider.
        while Self.form(model)?.focusedField?.id != "subdomain" { _ = Fixture.keys(&model, .tab) }
        Fixture.type(&model, "myshop")
        while Self.form(model)?.focusedField?.id != "provider" { _ = Fixture.keys(&model, .tab) }
        _ = Fixture.keys(&model, .right)
        #expect(!(Self.form(model)?.fields.contains { $0.id == "subdomain" } ?? true))
        _ = Fixture.keys(&model, .left)
        #expect(Self.form(model)?.value(of: "subdomain") == "myshop")
    }

    @Test func requiredDeclaredFieldsAreChecked() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("a"), .tab)
        Fixture.type(&model, "shop2")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "bob")
        while Self.form(model)?.focusedField?.id != "source" { _ = Fixture.keys(&model, .tab) }
        #expect(Fixture.keys(&model, .enter).isEmpty)
        #expect(Self.message(model, "subdomain") == "Subdomain is required")
        #expect(Self.message(model, "affiliate_id") == nil)
        #expect(Self.form(model)?.focusedField?.id == "subdomain")
        Fixture.type(&model, "myshop")
        while Self.form(model)?.focusedField?.id != "source" { _ = Fixture.keys(&model, .tab) }
        let commands = Fixture.keys(&model, .enter)
        #expect(commands == [.saveAccount(AccountDraft(name: "shop2", providerID: "byteconnect", username: "bob", baseURL: nil, mode: .password(.prompt), fields: ["subdomain": "myshop"]), replacing: nil, requestID: 1)])
    }

    @Test func addingWritesDeclaredFieldsAsDocumented() async throws {
        let file = try ConfigFile("")
        defer { file.remove() }
        var harness = try file.harness()
        harness.press(.character("a"), .tab)
        harness.type("shop")
        harness.press(.tab)
        harness.type("bob")
        Self.focus(&harness, "subdomain")
        harness.type("myshop")
        harness.press(.tab)
        harness.type("AFF-1")
        Self.focus(&harness, "source")
        await Self.save(&harness)
        let text = try file.text()
        #expect(text.contains("\nsubdomain = \"myshop\"\naffiliate_id = \"AFF-1\"\n"))
        #expect(!text.contains("fields ="))
        #expect(try file.load().account(named: "shop")?.fields == ["subdomain": "myshop", "affiliate_id": "AFF-1"])
    }

    /// Editing keeps each field where the person put it: keys of the block stay keys, those in
    /// `fields = { … }` stay there, with the fields the provider does not declare.
    @Test(arguments: [
        ("subdomain = \"old\"\naffiliate_id = \"AFF-1\"\nfields = { plan = \"gold\" }\n",
         ["subdomain = \"new\"", "affiliate_id = \"AFF-1\"", "fields = { plan = \"gold\" }"]),
        ("fields = { affiliate_id = \"AFF-1\", plan = \"gold\", subdomain = \"old\" }\n",
         ["fields = { affiliate_id = \"AFF-1\", plan = \"gold\", subdomain = \"new\" }"]),
    ])
    func editingKeepsTheShapeOfDeclaredFields(block: String, expected: [String]) async throws {
        let file = try ConfigFile("""
        # shops
        [[accounts]]
        name = "shop"
        provider = "byteconnect"
        username = "bob"
        \(block)
        # the next one
        [[accounts]]
        name = "gpu"
        provider = "exabits"
        username = "carol"

        """)
        defer { file.remove() }
        var harness = try file.harness()
        harness.press(.character("j"), .character("e"))  // shop, after gpu
        #expect(Self.form(harness.model)?.value(of: "subdomain") == "old")
        #expect(Self.form(harness.model)?.value(of: "affiliate_id") == "AFF-1")
        Self.focus(&harness, "subdomain")
        harness.press(.control("u"))
        harness.type("new")
        Self.focus(&harness, "source")
        await Self.save(&harness)
        let text = try file.text()
        for line in expected { #expect(text.contains("\n\(line)\n"), "\(line) in\n\(text)") }
        #expect(text.contains("# the next one\n[[accounts]]\nname = \"gpu\""))
        #expect(try file.load().account(named: "shop")?.fields == ["subdomain": "new", "affiliate_id": "AFF-1", "plan": "gold"])
    }
}
