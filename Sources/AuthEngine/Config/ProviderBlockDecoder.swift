import TOMLParser

/// Decodes a `[providers.NAME]` block into `ProviderDefinition.custom(...)` (the flows side's
/// initialiser; its doc comment lists the keys, which are mirrored here one to one).
struct ProviderBlockDecoder {
    static let allowedKeys = [
        "display_name", "base_url", "login_path", "refresh_path", "refresh_sends_access_token",
        "refresh_sends_username", "refresh_rotates", "logout_path", "revoke_path", "username_field",
        "password_field", "password_transform", "username_transform", "envelope", "access_token_field",
        "refresh_token_field", "id_token_field", "expires_in_field", "access_expires_at_field",
        "refresh_expires_at_field", "error_message_field", "error_code_field", "access_lifetime",
        "refresh_lifetime", "token_carriage", "refresh_header", "token_body_field",
    ]

    func decode(id: String, _ reader: ConfigTableReader) throws(ConfigError) -> ProviderDefinition {
        try reader.rejectUnknownKeys(allowed: Self.allowedKeys)
        let passwordTransform = try choice("password_transform", reader, known: ["plain", "md5"], PasswordTransform.init(rawValue:)) ?? .plain
        let usernameTransform = try choice("username_transform", reader, known: ["unchanged", "lowercase"], UsernameTransform.init(rawValue:)) ?? .unchanged
        let envelope: ResponseEnvelope
        switch try reader.string("envelope") {
        case nil, "none": envelope = .none
        case "status_message_data": envelope = .statusMessageData()
        case let other?: throw reader.error("envelope", "unknown envelope \"\(other)\" (known: none, status_message_data)")
        }
        let carriage: TokenCarriage
        switch try reader.string("token_carriage") {
        case nil, "bearer": carriage = .bearer
        case "bearer_with_refresh_header":
            carriage = .bearerWithRefreshHeader(headerName: try reader.string("refresh_header") ?? "refresh-token")
        case "json_body": carriage = .jsonBodyField(name: try reader.string("token_body_field") ?? "access_token")
        case let other?:
            throw reader.error("token_carriage", "unknown token carriage \"\(other)\" (known: bearer, bearer_with_refresh_header, json_body)")
        }
        guard let baseURL = try reader.url("base_url") else {
            throw reader.error(nil, "missing required key \"base_url\"")
        }
        return ProviderDefinition.custom(
            id: id,
            displayName: try reader.string("display_name"),
            baseURL: baseURL,
            loginPath: try reader.string("login_path") ?? "login",
            refreshPath: try reader.string("refresh_path"),
            refreshSendsAccessToken: try reader.bool("refresh_sends_access_token") ?? false,
            refreshSendsUsername: try reader.bool("refresh_sends_username") ?? false,
            refreshRotation: (try reader.bool("refresh_rotates") ?? true) ? .rotates : .keepsRefreshToken,
            logoutPath: try reader.string("logout_path"),
            revokePath: try reader.string("revoke_path"),
            usernameField: try reader.string("username_field") ?? "username",
            passwordField: try reader.string("password_field") ?? "password",
            passwordTransform: passwordTransform,
            usernameTransform: usernameTransform,
            envelope: envelope,
            accessTokenField: try reader.string("access_token_field") ?? "access_token",
            refreshTokenField: try reader.string("refresh_token_field") ?? "refresh_token",
            idTokenField: try reader.string("id_token_field"),
            expiresInField: try reader.string("expires_in_field") ?? "expires_in",
            accessExpiresAtField: try reader.string("access_expires_at_field"),
            refreshExpiresAtField: try reader.string("refresh_expires_at_field"),
            errorFormat: ErrorBodyFormat(
                messageKey: try reader.string("error_message_field") ?? "message",
                codeKey: try reader.string("error_code_field") ?? "error"
            ),
            accessLifetime: try reader.duration("access_lifetime"),
            refreshLifetime: try reader.duration("refresh_lifetime"),
            tokenCarriage: carriage
        )
    }

    private func choice<Choice>(
        _ key: String, _ reader: ConfigTableReader, known: [String], _ make: (String) -> Choice?
    ) throws(ConfigError) -> Choice? {
        guard let text = try reader.string(key) else { return nil }
        guard let value = make(text) else {
            throw reader.error(key, "unknown value \"\(text)\" (known: \(known.joined(separator: ", ")))")
        }
        return value
    }
}
