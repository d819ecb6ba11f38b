import AuthEngine
import FoundationEssentials
import PlatformSupport
import TerminalUI

/// Add or edit an account; saving rewrites the account's `[[accounts]]` block in the config
/// file and reads the file back, so what is shown is what the file says.
struct AccountFormScreen: FormScreen {
    /// The account being edited (nil: adding).
    var original: String?
    var catalog: ProviderCatalog
    var form: FormState
    var requestID: Int?
    /// Fields the form does not edit but must keep: the account's fields its provider does
    /// not declare (`fields = { … }` in the file).
    var keptFields: [String: String] = [:]
    /// `ca_file` of the edited account: not in the form, kept as it was.
    var keptCAFile: String?
    /// Every field's text when the form was last rebuilt (the provider or the password source
    /// changed), by field id: stepping through the choices and back loses nothing typed.
    var typedValues: [String: String] = [:]
    /// The password source offers API tokens (the edited account uses one).
    var offersAPIToken = false

    var providerIDs: [String] { catalog.ids }
    var account: String { original ?? "" }
    /// Config edits touch no account's row.
    static let operation: AccountActivity.Operation? = nil
    var asScreen: Screen { .accountForm(self) }
    static func from(_ screen: Screen) -> AccountFormScreen? {
        if case .accountForm(let screen) = screen { return screen }
        return nil
    }

    static func adding(catalog: ProviderCatalog) -> AccountFormScreen {
        var screen = AccountFormScreen(original: nil, catalog: catalog, form: FormState(title: "Add account", fields: []))
        screen.typedValues = ["provider": catalog.ids.first ?? "", PasswordSourceField.choiceID: PasswordSourceField.prompt.id]
        screen.rebuild(focus: "provider")
        return screen
    }

    static func editing(_ account: AccountConfig, catalog: ProviderCatalog) -> AccountFormScreen {
        let definition = catalog.definition(id: account.providerID)
        let declared = Set(definition?.accountFields.map(\.id) ?? [])
        let source = PasswordSourceField.formValues(account.mode)
        var values = (definition?.accountKeyValues(of: account) ?? [:]).merging([
            "provider": account.providerID, "name": account.name, "username": account.username ?? "",
            "base_url": account.baseURL ?? "",
            PasswordSourceField.choiceID: source.choice, PasswordSourceField.valueID: source.value,
        ]) { $1 }
        for id in declared { values[id] = account.fields[id] ?? "" }
        var screen = AccountFormScreen(original: account.name, catalog: catalog, form: FormState(title: "Edit account · \(account.name)", fields: []))
        screen.typedValues = values
        screen.keptFields = account.fields.filter { !declared.contains($0.key) }
        screen.keptCAFile = account.caFile
        screen.offersAPIToken = PasswordSourceField.isAPIToken(account.mode)
        screen.rebuild(focus: "provider")
        return screen
    }

    /// The form for the chosen provider and password source, from `typedValues`: the common
    /// fields, the provider's own keys (after the base URL they depend on), the account fields
    /// it declares, then the password source and its value field when it has one.
    private mutating func rebuild(focus id: String) {
        let values = typedValues
        func field(_ id: String, _ label: String, placeholder: String = "") -> FormField {
            FormField(id: id, label: label, text: values[id] ?? "", placeholder: placeholder)
        }
        let definition = catalog.definition(id: values["provider"] ?? "")
        let declared = (definition?.accountFields ?? []).map {
            field($0.id, $0.label, placeholder: $0.isRequired ? $0.placeholder : ["optional", $0.placeholder].filter { !$0.isEmpty }.joined(separator: "; "))
        }
        let source = PasswordSourceField.fields(
            choice: values[PasswordSourceField.choiceID] ?? PasswordSourceField.prompt.id,
            value: values[PasswordSourceField.valueID] ?? "", includingAPIToken: offersAPIToken)
        form = FormState(
            title: form.title,
            fields: [
                field("provider", "Provider", placeholder: "←/→ to choose"),
                field("name", "Name"),
                field("username", "Username"),
                field("base_url", "Base URL", placeholder: "provider default"),
            ] + (definition?.accountKeys ?? []).map { field($0.id, $0.label, placeholder: $0.placeholder) } + declared + source,
            submitLabel: "save")
        form.focus(id: id)
    }

    /// Keeps every field's text before the form is rebuilt.
    private mutating func rememberTypedValues() {
        for field in form.fields { typedValues[field.id] = field.value }
    }

    mutating func update(key: Key, context: FormContext) -> FormOutcome {
        // The provider field is a picker: ←/→ cycle through the known providers.
        if form.focusedField?.id == "provider", !form.isSubmitting, key == .left || key == .right || key == .character(" ") {
            let current = providerIDs.firstIndex(of: form.value(of: "provider")) ?? 0
            let next = (current + (key == .left ? -1 : 1) + providerIDs.count) % max(1, providerIDs.count)
            if providerIDs.indices.contains(next) {
                rememberTypedValues()
                typedValues["provider"] = providerIDs[next]
                rebuild(focus: "provider")
            }
            return .stay
        }
        let source = form.value(of: PasswordSourceField.choiceID)
        switch form.handle(key) {
        case .cancel:
            return .cancel
        case .submit:
            guard let draft = validate(accountNames: context.accountNames) else { return .stay }
            return submit(.saveAccount(draft, replacing: original, requestID: context.nextRequestID), context: context)
        case .edited where form.value(of: PasswordSourceField.choiceID) != source:
            // Another source: show (or hide) its value field.
            rememberTypedValues()
            rebuild(focus: PasswordSourceField.choiceID)
            return .stay
        default:
            return .stay
        }
    }

    mutating func validate(accountNames: Set<String>) -> AccountDraft? {
        var messages: [String: String] = [:]
        let provider = form.value(of: "provider").trimmedWhitespace()
        let name = form.value(of: "name").trimmedWhitespace()
        let username = form.value(of: "username").trimmedWhitespace()
        let baseURL = form.value(of: "base_url").trimmedWhitespace()
        if !providerIDs.contains(provider) { messages["provider"] = "Unknown provider (←/→ to choose)" }
        if name.isEmpty {
            messages["name"] = "Name is required"
        } else if name != original, accountNames.contains(name) {
            messages["name"] = "Another account is called \(name)"
        }
        var mode: AccountConfig.Mode?
        switch PasswordSourceField.mode(choice: form.value(of: PasswordSourceField.choiceID), value: form.value(of: PasswordSourceField.valueID)) {
        case .success(let chosen): mode = chosen
        case .failure(let message): messages[PasswordSourceField.valueID] = message.text
        }
        if !form.value(of: PasswordSourceField.choiceID).hasPrefix("token-"), username.isEmpty { messages["username"] = "Username is required" }
        if !baseURL.isEmpty, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            messages["base_url"] = "Must start with https:// (or http:// for localhost)"
        }
        var account = AccountConfig(
            name: name, providerID: provider, baseURL: baseURL.isEmpty ? nil : baseURL,
            username: username.isEmpty ? nil : username, caFile: keptCAFile)
        var fields = keptFields
        if let definition = catalog.definition(id: provider) {
            let values = Dictionary(uniqueKeysWithValues: definition.accountKeys.map { ($0.id, form.value(of: $0.id)) })
            messages.merge(definition.applyAccountKeys(values, to: &account)) { first, _ in first }
            let declared = Dictionary(uniqueKeysWithValues: definition.accountFields.map { ($0.id, form.value(of: $0.id)) })
            messages.merge(definition.checkAccountFields(declared)) { first, _ in first }
            for (id, value) in declared {
                let trimmed = value.trimmedWhitespace()
                fields[id] = trimmed.isEmpty ? nil : trimmed
            }
        }
        guard form.apply(messages), let mode else { return nil }
        return AccountDraft(
            name: name, providerID: provider, username: account.username, baseURL: account.baseURL, mode: mode,
            fields: fields, providerSettings: account.providerSettings, caFile: keptCAFile)
    }

    static func saved(_ model: inout AppModel, requestID: Int, result: Result<ConfigSaved, ConfigEditError>) -> [AppCommand] {
        switch result {
        case .success(let saved):
            let config = saved.config
            let previous = model.list.selectedName
            let previousNames = Set(model.accounts.map(\.name))
            var formSucceeded = false
            model.accounts = config.accounts
            model.catalog = config.catalog
            if case .succeeded(let screen) = FormRouting.finish(Self.self, &model, account: "", requestID: requestID, failure: nil) {
                formSucceeded = true
                model.list.selectedName = screen.form.value(of: "name").trimmedWhitespace()
                model.screen = .accounts
                model.setStatus("saved \(model.list.selectedName ?? "account") to the config", role: .success)
            } else if model.account(named: previous ?? "") == nil {
                model.list.selectedName = model.accounts.first?.name
            }
            let removed = previousNames.subtracting(config.accounts.map(\.name))
            model.forgetRemovedAccounts()
            if !formSucceeded, removed.count == 1, let name = removed.first {
                model.setStatus("deleted \(name) from the config", role: .success)
            }
            if let warning = saved.tokenWarning { model.setStatus(warning, role: .warning) }
            return [.reloadStore]
        case .failure(let error):
            if case .formLeft = FormRouting.finish(Self.self, &model, account: "", requestID: requestID, failure: error.message) {
                model.setStatus(error.message, role: .danger)
            }
            return []
        }
    }

    func intro(model: AppModel, now: Date) -> [(String, Role)] {
        [("Providers: \(providerIDs.joined(separator: ", ")). Passwords are never written to the file.", .muted)]
    }
}

/// An account as the add/edit form produced it, before it is written to the config.
struct AccountDraft: Equatable, Sendable {
    var name: String
    var providerID: String
    var username: String?
    var baseURL: String?
    var mode: AccountConfig.Mode
    var fields: [String: String] = [:]
    /// What the provider's own keys set (`ProviderDefinition.applyAccountKeys`).
    var providerSettings: ProviderAccountSettings? = nil
    var caFile: String? = nil

    /// The account block the engine's `ConfigWriter` renders into the config file.
    var account: AccountConfig {
        var account = AccountConfig(name: name, providerID: providerID, baseURL: baseURL, username: username, mode: mode,
                                    fields: fields, caFile: caFile)
        account.providerSettings = providerSettings
        return account
    }
}
