import TOMLParser
/// The Cognito keys of an `[[accounts]]` block: `region`, `client_id`, and the app client
/// secret's source `client_secret_env` or `client_secret_command` (never the secret itself).
enum CognitoKeys {
    static let all = ["region", "client_id", "client_secret_env", "client_secret_command"]

    static func decode(_ reader: ConfigTableReader, hasBaseURL: Bool) throws(ConfigError) -> CognitoAccountSettings {
        if reader.table["client_secret"] != nil {
            throw reader.error("client_secret", "secrets are never read from the config file; use client_secret_env = \"VAR\" or client_secret_command = \"pass show ...\"")
        }
        guard let clientID = try reader.string("client_id") else {
            throw reader.error(nil, "missing required key \"client_id\" (the Cognito app client id)")
        }
        let region = try reader.string("region")
        if let region, !CognitoAccountSettings.isValidRegion(region) {
            throw reader.error("region", "not a region name such as us-east-1")
        }
        if region == nil, !hasBaseURL {
            throw reader.error(nil, "missing required key \"region\" (e.g. region = \"us-east-1\"), or a base_url for the endpoint")
        }
        let environment = try reader.string("client_secret_env")
        let command = try reader.string("client_secret_command")
        if environment != nil, command != nil {
            throw reader.error("client_secret_command", "two client secret sources (client_secret_env and client_secret_command); keep exactly one")
        }
        let source: SecretSource? = environment.map { .environment($0) } ?? command.map { .command($0) }
        return CognitoAccountSettings(region: region, clientID: clientID, clientSecret: source)
    }

    /// The lines `AccountBlockRenderer` writes back, so editing an account keeps them.
    static func render(_ settings: CognitoAccountSettings) -> [String] {
        var lines: [String] = []
        if let region = settings.region { lines.append("region = \(AccountBlockRenderer.quote(region))") }
        lines.append("client_id = \(AccountBlockRenderer.quote(settings.clientID))")
        switch settings.clientSecret {
        case .environment(let name)?: lines.append("client_secret_env = \(AccountBlockRenderer.quote(name))")
        case .command(let command)?: lines.append("client_secret_command = \(AccountBlockRenderer.quote(command))")
        case .prompt?, nil: break
        }
        return lines
    }
}
