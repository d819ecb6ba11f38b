import TOMLParser

/// Decodes one `[[accounts]]` block.
struct AccountBlockDecoder {
    /// The keys that name where the secret comes from, in the order messages name them.
    enum SecretKey: String, CaseIterable {
        case passwordPrompt = "password_prompt"
        case passwordEnv = "password_env"
        case passwordCommand = "password_command"
        case apiTokenEnv = "api_token_env"
        case apiTokenCommand = "api_token_command"
    }

    static let secretKeys = SecretKey.allCases.map(\.rawValue)
    static let allowedKeys = ["name", "provider", "base_url", "username", "fields", "ca_file"] + secretKeys

    let catalog: ProviderCatalog
    /// For `~/` in `ca_file`.
    var home: String?
    /// What a block may hold for each provider of `catalog` (same order), worked out once: per
    /// block, copying the provider's definition and building these lists was a large part of
    /// decoding 10,000 blocks.
    private let blockKeys: [BlockKeys]

    private struct BlockKeys {
        let providerID: String
        let isCognito: Bool
        /// The provider's declared account fields, which may be keys of the block.
        let declared: [String]
        let allowed: [String]
    }

    init(catalog: ProviderCatalog, home: String? = nil) {
        self.catalog = catalog
        self.home = home
        blockKeys = catalog.all.map { provider in
            let isCognito = provider.api == .cognito
            let declared = provider.accountFields.map(\.id)
            return BlockKeys(
                providerID: provider.id,
                isCognito: isCognito,
                declared: declared,
                allowed: Self.allowedKeys + declared + (isCognito ? CognitoKeys.all + ["client_secret"] : [])
            )
        }
    }

    func decode(_ reader: ConfigTableReader) throws(ConfigError) -> AccountConfig {
        if reader.table["password"] != nil {
            throw reader.error("password", "passwords are never read from the config file; use password_env = \"VAR\" or password_command = \"pass show ...\"")
        }
        let name = try reader.string("name", required: true) ?? ""
        let providerText = try reader.string("provider", required: true) ?? ""
        guard let providerIndex = catalog.index(id: providerText), blockKeys.indices.contains(providerIndex) else {
            throw reader.error("provider", "unknown provider \"\(providerText)\" (known: \(catalog.ids.joined(separator: ", ")))")
        }
        let keys = blockKeys[providerIndex]
        try reader.rejectUnknownKeys(allowed: keys.allowed) { key in
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
        for key in keys.declared {
            if let value = try reader.string(key, nonEmpty: false) {
                if fields[key] != nil { throw reader.error(key, "given both here and in fields; keep one") }
                fields[key] = value
            }
        }
        let baseURL = try reader.url("base_url")
        let cognito = keys.isCognito ? try CognitoKeys.decode(reader, hasBaseURL: baseURL != nil) : nil
        return AccountConfig(
            name: name,
            providerID: keys.providerID,
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
        // The first source given, in `SecretKey` order; a second one is an error naming both.
        var given: SecretKey?
        for key in SecretKey.allCases where reader.table[key.rawValue] != nil {
            guard let first = given else {
                given = key
                continue
            }
            throw reader.error(key.rawValue, "two secret sources (\(first.rawValue) and \(key.rawValue)); keep exactly one")
        }
        switch given {
        case .passwordEnv: return .password(.environment(try reader.string("password_env") ?? ""))
        case .passwordCommand: return .password(.command(try reader.string("password_command") ?? ""))
        case .apiTokenEnv: return .apiToken(.environment(try reader.string("api_token_env") ?? ""))
        case .apiTokenCommand: return .apiToken(.command(try reader.string("api_token_command") ?? ""))
        case .passwordPrompt:
            guard try reader.bool("password_prompt") == true else {
                throw reader.error("password_prompt", "false needs another source: set password_env or password_command instead")
            }
            return .password(.prompt)
        case nil:
            return .password(.prompt)
        }
    }
}
