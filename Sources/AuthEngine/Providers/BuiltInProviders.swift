import FoundationEssentials

/// The four providers tokenman knows out of the box, from their public documentation
/// (see `provider-docs/README.md` in the project's shared notes).
extension ProviderDefinition {
    public static let builtIns: [ProviderDefinition] = [.byteConnect, .exabits, .starship, .wikimedia, .cognito]

    /// ByteFederal ByteConnect. No expiry in the answer: the JWT `exp`, else 15 min / 15 days.
    /// The excerpt's curl example says `user_name`; every other example (and the README) says
    /// `username`, which is what is sent.
    public static let byteConnect = ProviderDefinition(
        id: "byteconnect",
        displayName: "ByteConnect",
        defaultBaseURL: "https://quinix.byteconnect.us",
        endpoints: ProviderEndpoints(
            login: Endpoint(path: "auth", bodyFields: [RequestField("username", .username), RequestField("password", .password)]),
            refresh: Endpoint(path: "auth_refresh", bodyFields: [RequestField("access_token", .accessToken), RequestField("refresh_token", .refreshToken)])
        ),
        responseFields: ResponseFieldNames(attributes: ["token_type"]),
        errorFormat: ErrorBodyFormat(messageKey: "message", codeKey: "error"),
        lifetimes: DocumentedLifetimes(access: 15 * 60, refresh: 15 * 86_400),
        refreshRotation: .rotates,
        tokenCarriage: .jsonBodyField(name: "access_token"),
        // Noted at registration with the username and password; the shop's subdomain names
        // the store, the affiliate id is only for accounts that have one.
        accountFields: [
            ProviderAccountField(id: "subdomain", label: "Subdomain", isRequired: true, placeholder: "e.g. myshop"),
            ProviderAccountField(id: "affiliate_id", label: "Affiliate id", placeholder: "e.g. AFF-1234"),
        ]
    )

    /// Exabits GPU cloud. MD5'd password, `{status,message,data}` envelope, no refresh endpoint
    /// (log in again), two headers on every call.
    public static let exabits = ProviderDefinition(
        id: "exabits",
        displayName: "Exabits",
        defaultBaseURL: "https://gpu-api.exabits.ai/api/v1/",
        endpoints: ProviderEndpoints(
            login: Endpoint(path: "authenticate/login", bodyFields: [RequestField("username", .username), RequestField("password", .password)])
        ),
        passwordTransform: .md5Hex,
        envelope: .statusMessageData(),
        responseFields: ResponseFieldNames(attributes: ["username", "email"]),
        errorFormat: ErrorBodyFormat(messageKey: "message"),
        lifetimes: DocumentedLifetimes(access: 30 * 60, refresh: 2 * 3600),
        refreshRotation: .rotates,
        tokenCarriage: .bearerWithRefreshHeader(headerName: "refresh-token")
    )

    /// Starship Rewards B2B API (sandbox URL by default). RFC 3339 expiry instants in the answer;
    /// refresh rotates; logout revokes all of the client's tokens.
    public static let starship = ProviderDefinition(
        id: "starship",
        displayName: "Starship Rewards",
        defaultBaseURL: "https://api-playground.starshiprewards.com",
        endpoints: ProviderEndpoints(
            login: Endpoint(path: "auth/login", bodyFields: [RequestField("username", .username), RequestField("password", .password)]),
            refresh: Endpoint(path: "auth/refresh", bodyFields: [RequestField("refresh_token", .refreshToken)]),
            logout: Endpoint(path: "auth/logout", sendsBearerAccessToken: true)
        ),
        responseFields: ResponseFieldNames(
            accessExpiresAt: "access_expires_at", refreshExpiresAt: "refresh_expires_at", attributes: ["client_id"]),
        errorFormat: ErrorBodyFormat(messageKey: "message", codeKey: "error"),
        lifetimes: DocumentedLifetimes(access: 3600, refresh: 7 * 86_400),
        refreshRotation: .rotates,
        tokenCarriage: .bearer
    )

    /// Wikimedia Enterprise auth API (over AWS Cognito). Lowercase usernames, NEW_PASSWORD_REQUIRED
    /// challenge, refresh keeps the refresh token, password reset and change, passwords of 6+.
    public static let wikimedia = ProviderDefinition(
        id: "wikimedia",
        displayName: "Wikimedia Enterprise",
        defaultBaseURL: "https://auth.enterprise.wikimedia.com",
        endpoints: ProviderEndpoints(
            login: Endpoint(path: "v1/login", bodyFields: [RequestField("username", .username), RequestField("password", .password)]),
            refresh: Endpoint(path: "v1/token-refresh", bodyFields: [RequestField("username", .username), RequestField("refresh_token", .refreshToken)]),
            revoke: Endpoint(path: "v1/token-revoke", bodyFields: [RequestField("refresh_token", .refreshToken)]),
            newPasswordChallenge: Endpoint(path: "v1/new-password-required", bodyFields: [
                RequestField("username", .username), RequestField("session", .session), RequestField("new_password", .newPassword),
            ]),
            forgotPassword: Endpoint(path: "v1/forgot-password", bodyFields: [RequestField("username", .username)]),
            forgotPasswordConfirm: Endpoint(path: "v1/forgot-password-confirm", bodyFields: [
                RequestField("username", .username), RequestField("password", .newPassword),
                RequestField("confirmation_code", .confirmationCode),
            ]),
            changePassword: Endpoint(path: "v1/change-password", bodyFields: [
                RequestField("access_token", .accessToken), RequestField("previous_password", .previousPassword),
                RequestField("proposed_password", .newPassword),
            ])
        ),
        usernameTransform: .lowercase,
        responseFields: ResponseFieldNames(idToken: "id_token", expiresIn: "expires_in", challengeName: "challenge_name", session: "session"),
        errorFormat: ErrorBodyFormat(messageKey: "message"),
        lifetimes: DocumentedLifetimes(access: 86_400, refresh: 90 * 86_400, challengeSession: 180),
        refreshRotation: .keepsRefreshToken,
        tokenCarriage: .bearer,
        // Cognito's pool policy: 6 to 255 characters.
        passwordRules: PasswordRules(minimumLength: 6)
    )
}
