import TOMLParser

/// Decodes one `[[accounts]]` block.
struct AccountBlockDecoder {
    static let secretKeys = ["password_prompt", "password_env", "password_command", "api_token_env", "api_token_command"]
    static let allowedKeys = ["name", "provider", "base_url", "username", "fields", "ca_file"] + secretKeys

    let catalog: ProviderCatalog
    /// For `~/` in `ca_file`.
    var home: String? = nil

    func decode(_ reader: ConfigTableReader) throws(ConfigError) -> AccountConfig {
        if reader.table["password"] != nil {
            throw reader.error("password", "passwords are never read from the config file; use password_env = \"VAR\" or password_command = \"pass show ...\"")
        }
        let name = try reader.string("name", required: true) ?? ""
        let providerText = try reader.string("provider", required: true) ?? ""
        guard let provider = catalog.definition(id: providerText) else {
            throw reader.error("provider", "unknown provider \"\(providerText)\" (known: \(catalog.ids.joined(separator: ", ")))")
        }
        let isCognito = provider.api == .cognito
        let declaredKeys = provider.accountFields.map(\.id)
        let extraKeys = declaredKeys + (isCognito ? CognitoKeys.all + ["client_secret"] : [])
        try reader.rejectUnknownKeys(allowed: Self.allowedKeys + extraKeys) { key in
            if CognitoKeys.all.contains(key) { return "only Cognito accounts have \(key)" }
            let declaring = catalog.all.filter { $0.accountFields.contains { $0.id == key } }.map(\.displayName)
            return declaring.isEmpty ? nil : "only \(declaring.joined(separator: " and ")) accounts have \(key); put other fields in fields = { ... }"
        }
        var fields: [String: String] = [:]
        if let table = try reader.table("fields") {
            let nested = ConfigTableReader(table: table, prefix: reader.field("fields"), path: reader.path)
            for key in table.keys {
                fields[key] = try nested.string(key, nonEmpty: false)
            }
        }
        for key in declaredKeys {
            if let value = try reader.string(key, nonEmpty: false) {
                if fields[key] != nil { throw reader.error(key, "given both here and in fields; keep one") }
                fields[key] = value
            }
        }
        let baseURL = try reader.url("base_url")
        let cognito = isCognito ? try CognitoKeys.decode(reader, hasBaseURL: baseURL != nil) : nil
        return AccountConfig(
            name: name,
            providerID: provider.id,
            baseURL: baseURL,
            username: try reader.string("username"),
            mode: try mode(reader),
            fields: fields,
            line: reader.table.line > 0 ? reader.table.line : nil,
            cognito: cognito,
            caFile: try reader.filePath("ca_file", home: home)
        )
    }

    private func mode(_ reader: ConfigTableReader) throws(ConfigError) -> AccountConfig.Mode {
        let present = Self.secretKeys.filter { reader.table[$0] != nil }
        if present.count > 1 {
            throw reader.error(present[1], "two secret sources (\(present[0]) and \(present[1])); keep exactly one")
        }
        switch present.first {
        case "password_env": return .password(.environment(try reader.string("password_env") ?? ""))
        case "password_command": return .password(.command(try reader.string("password_command") ?? ""))
        case "api_token_env": return .apiToken(.environment(try reader.string("api_token_env") ?? ""))
        case "api_token_command": return .apiToken(.command(try reader.string("api_token_command") ?? ""))
        case "password_prompt":
            guard try reader.bool("password_prompt") == true else {
                throw reader.error("password_prompt", "false needs another source: set password_env or password_command instead")
            }
            return .password(.prompt)
        default:
            return .password(.prompt)
        }
    }
}
