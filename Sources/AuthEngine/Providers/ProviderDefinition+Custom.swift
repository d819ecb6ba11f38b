import FoundationEssentials

extension ProviderDefinition {
    /// A provider declared in the config as `[providers.ID]`, for username/password JSON APIs
    /// shaped like the built-ins. Every parameter has the default a typical API uses.
    ///
    /// TOML keys (in `[providers.ID]`) and the parameters they set:
    /// | key | parameter | default |
    /// |---|---|---|
    /// | `display_name` | `displayName` | the id |
    /// | `base_url` (required) | `baseURL` | — |
    /// | `login_path` | `loginPath` | `"login"` |
    /// | `refresh_path` | `refreshPath` | none (refresh unsupported) |
    /// | `refresh_sends_access_token` | `refreshSendsAccessToken` | `false` |
    /// | `refresh_sends_username` | `refreshSendsUsername` | `false` |
    /// | `refresh_rotates` | `refreshRotation` (`true` → `.rotates`, `false` → `.keepsRefreshToken`) | `true` |
    /// | `logout_path` | `logoutPath` (Bearer header, no body) | none |
    /// | `revoke_path` | `revokePath` (body `{refresh_token}`) | none |
    /// | `username_field` / `password_field` | `usernameField` / `passwordField` | `"username"` / `"password"` |
    /// | `password_transform` (`"plain"`, `"md5"`) | `passwordTransform` | `"plain"` |
    /// | `username_transform` (`"unchanged"`, `"lowercase"`) | `usernameTransform` | `"unchanged"` |
    /// | `envelope` (`"none"`, `"status_message_data"`) | `envelope` | `"none"` |
    /// | `access_token_field` / `refresh_token_field` / `id_token_field` | response field names | `"access_token"` / `"refresh_token"` / none |
    /// | `expires_in_field` | `expiresInField` | `"expires_in"` |
    /// | `access_expires_at_field` / `refresh_expires_at_field` | absolute expiry fields | none |
    /// | `error_message_field` / `error_code_field` | `errorFormat` | `"message"` / `"error"` |
    /// | `access_lifetime` / `refresh_lifetime` (seconds) | documented lifetimes | none |
    /// | `token_carriage` (`"bearer"`, `"bearer_with_refresh_header"`, `"json_body"`) | `tokenCarriage` | `"bearer"` |
    /// | `refresh_header` (with `bearer_with_refresh_header`) | header name | `"refresh-token"` |
    /// | `token_body_field` (with `json_body`) | body member | `"access_token"` |
    public static func custom(
        id: String,
        displayName: String? = nil,
        baseURL: String,
        loginPath: String = "login",
        refreshPath: String? = nil,
        refreshSendsAccessToken: Bool = false,
        refreshSendsUsername: Bool = false,
        refreshRotation: RefreshRotation = .rotates,
        logoutPath: String? = nil,
        revokePath: String? = nil,
        usernameField: String = "username",
        passwordField: String = "password",
        passwordTransform: PasswordTransform = .plain,
        usernameTransform: UsernameTransform = .unchanged,
        envelope: ResponseEnvelope = .none,
        accessTokenField: String = "access_token",
        refreshTokenField: String = "refresh_token",
        idTokenField: String? = nil,
        expiresInField: String? = "expires_in",
        accessExpiresAtField: String? = nil,
        refreshExpiresAtField: String? = nil,
        errorFormat: ErrorBodyFormat = ErrorBodyFormat(messageKey: "message", codeKey: "error"),
        accessLifetime: TimeInterval? = nil,
        refreshLifetime: TimeInterval? = nil,
        tokenCarriage: TokenCarriage = .bearer
    ) -> ProviderDefinition {
        var refreshFields: [RequestField] = []
        if refreshSendsUsername { refreshFields.append(RequestField(usernameField, .username)) }
        if refreshSendsAccessToken { refreshFields.append(RequestField(accessTokenField, .accessToken)) }
        refreshFields.append(RequestField(refreshTokenField, .refreshToken))
        return ProviderDefinition(
            id: id,
            displayName: displayName ?? id,
            defaultBaseURL: baseURL,
            endpoints: ProviderEndpoints(
                login: Endpoint(path: loginPath, bodyFields: [RequestField(usernameField, .username), RequestField(passwordField, .password)]),
                refresh: refreshPath.map { Endpoint(path: $0, bodyFields: refreshFields) },
                logout: logoutPath.map { Endpoint(path: $0, sendsBearerAccessToken: true) },
                revoke: revokePath.map { Endpoint(path: $0, bodyFields: [RequestField(refreshTokenField, .refreshToken)]) }
            ),
            passwordTransform: passwordTransform,
            usernameTransform: usernameTransform,
            envelope: envelope,
            responseFields: ResponseFieldNames(
                accessToken: accessTokenField, refreshToken: refreshTokenField, idToken: idTokenField,
                expiresIn: expiresInField, accessExpiresAt: accessExpiresAtField, refreshExpiresAt: refreshExpiresAtField),
            errorFormat: errorFormat,
            lifetimes: DocumentedLifetimes(access: accessLifetime, refresh: refreshLifetime),
            refreshRotation: refreshRotation,
            tokenCarriage: tokenCarriage
        )
    }
}
