import FoundationEssentials

/// Runs a provider's auth flows over HTTP. A value type holding only Sendable parts, so it can be
/// handed to any task; each call is independent (no state between calls: the caller keeps the
/// TokenSet and the ChallengeSession).
public struct AuthClient: Sendable {
    public let provider: ProviderDefinition
    /// The account's base URL, or the provider's default.
    public let baseURL: String
    private let transport: any HTTPTransport
    private let clock: any WallClock
    /// The account's `ca_file`, put on every request; nil leaves the transport's default.
    public let caFile: String?

    public init(
        provider: ProviderDefinition,
        baseURL: String? = nil,
        transport: any HTTPTransport = CurlTransport(),
        clock: any WallClock = SystemClock(),
        caFile: String? = nil
    ) {
        self.provider = provider
        self.baseURL = baseURL ?? provider.defaultBaseURL
        self.transport = transport
        self.clock = clock
        self.caFile = caFile
    }

    // MARK: Login and challenge

    public func login(username: String, password: String) async throws(AuthError) -> LoginOutcome {
        let values: [RequestValue: String] = [.username: username, .password: password]
        let (response, receivedAt) = try await send(provider.endpoints.login, step: .login, values: values)
        let payload = try reader(values).payload(of: response, step: .login, now: receivedAt)
        if let challenge = try challenge(in: payload, username: username, receivedAt: receivedAt) {
            return .newPasswordRequired(challenge)
        }
        return .tokens(try TokenSetReader(provider: provider).tokens(from: payload, receivedAt: receivedAt))
    }

    public func answerNewPasswordChallenge(_ challenge: ChallengeSession, newPassword: String) async throws(AuthError) -> TokenSet {
        let endpoint = try require(provider.endpoints.newPasswordChallenge, "has no endpoint to answer a new-password challenge")
        // The username is sent as the challenge recorded it (already transformed; lowercase is idempotent).
        let values: [RequestValue: String] = [.username: challenge.username, .session: challenge.session, .newPassword: newPassword]
        let (response, receivedAt) = try await send(endpoint, step: .newPasswordChallenge, values: values)
        let payload = try reader(values).payload(of: response, step: .newPasswordChallenge, now: receivedAt)
        return try TokenSetReader(provider: provider).tokens(from: payload, receivedAt: receivedAt)
    }

    // MARK: Refresh and sign-out

    /// New tokens from the refresh token. Rotating providers return a new refresh token (the old
    /// one is dead); others (Wikimedia) keep the old one, merged into the result.
    public func refresh(_ tokens: TokenSet, username: String? = nil) async throws(AuthError) -> TokenSet {
        let endpoint = try require(provider.endpoints.refresh, "has no refresh endpoint; log in again")
        guard let refreshToken = tokens.refreshToken else {
            throw AuthError.unsupported("This account holds no refresh token; log in again.")
        }
        var values: [RequestValue: String] = [.refreshToken: refreshToken, .accessToken: tokens.accessToken]
        if let username { values[.username] = username }
        let (response, receivedAt) = try await send(endpoint, step: .refresh, values: values)
        let payload = try reader(values).payload(of: response, step: .refresh, now: receivedAt)
        let reader = TokenSetReader(provider: provider)
        return try reader.merge(refreshed: try reader.tokens(from: payload, receivedAt: receivedAt), into: tokens)
    }

    /// Ends the session with the access token (Starship: revokes all of the client's tokens).
    public func logout(_ tokens: TokenSet) async throws(AuthError) {
        let endpoint = try require(provider.endpoints.logout, "has no logout endpoint")
        let values: [RequestValue: String] = [.accessToken: tokens.accessToken, .refreshToken: tokens.refreshToken ?? ""]
        let (response, receivedAt) = try await send(endpoint, step: .logout, values: values, bearer: tokens.accessToken)
        try reader(values).expectSuccess(response, step: .logout, now: receivedAt)
    }

    /// Revokes the refresh token and the access tokens issued from it (Wikimedia).
    public func revoke(_ tokens: TokenSet) async throws(AuthError) {
        let endpoint = try require(provider.endpoints.revoke, "has no token revocation endpoint")
        guard let refreshToken = tokens.refreshToken else {
            throw AuthError.unsupported("This account holds no refresh token to revoke.")
        }
        let values: [RequestValue: String] = [.refreshToken: refreshToken, .accessToken: tokens.accessToken]
        let (response, receivedAt) = try await send(endpoint, step: .revoke, values: values, bearer: tokens.accessToken)
        try reader(values).expectSuccess(response, step: .revoke, now: receivedAt)
    }

    /// Whichever of logout or revoke the provider has (logout first: it ends everything).
    public func signOut(_ tokens: TokenSet) async throws(AuthError) {
        if provider.endpoints.logout != nil { return try await logout(tokens) }
        if provider.endpoints.revoke != nil { return try await revoke(tokens) }
        throw AuthError.unsupported("\(provider.displayName) has no logout or revoke endpoint; forget the tokens locally.")
    }

    // MARK: Passwords

    /// Asks the provider to send a confirmation code (by email) for a password reset.
    public func requestPasswordReset(username: String) async throws(AuthError) {
        let endpoint = try require(provider.endpoints.forgotPassword, "has no forgot-password endpoint")
        let values: [RequestValue: String] = [.username: username]
        let (response, receivedAt) = try await send(endpoint, step: .forgotPassword, values: values)
        try reader(values).expectSuccess(response, step: .forgotPassword, now: receivedAt)
    }

    public func confirmPasswordReset(username: String, code: String, newPassword: String) async throws(AuthError) {
        let endpoint = try require(provider.endpoints.forgotPasswordConfirm, "has no endpoint to confirm a password reset")
        let values: [RequestValue: String] = [.username: username, .confirmationCode: code, .newPassword: newPassword]
        let (response, receivedAt) = try await send(endpoint, step: .forgotPasswordConfirm, values: values)
        try reader(values).expectSuccess(response, step: .forgotPasswordConfirm, now: receivedAt)
    }

    public func changePassword(tokens: TokenSet, old: String, new: String) async throws(AuthError) {
        let endpoint = try require(provider.endpoints.changePassword, "has no change-password endpoint")
        let values: [RequestValue: String] = [.accessToken: tokens.accessToken, .previousPassword: old, .newPassword: new]
        let (response, receivedAt) = try await send(endpoint, step: .changePassword, values: values, bearer: tokens.accessToken)
        try reader(values).expectSuccess(response, step: .changePassword, now: receivedAt)
    }

    // MARK: Plumbing

    private func require(_ endpoint: Endpoint?, _ lack: String) throws(AuthError) -> Endpoint {
        guard let endpoint else { throw AuthError.unsupported("\(provider.displayName) \(lack).") }
        return endpoint
    }

    /// Builds the request from the endpoint's fields, sends it, and notes when the answer arrived
    /// (the instant `expires_in` counts from).
    private func send(
        _ endpoint: Endpoint, step: FlowStep, values: [RequestValue: String], bearer: String? = nil
    ) async throws(AuthError) -> (HTTPResponse, Date) {
        let url = try EndpointURL.make(base: baseURL, path: endpoint.path)
        var body: JSONValue?
        if !endpoint.bodyFields.isEmpty {
            var members: [(key: String, value: JSONValue)] = []
            for field in endpoint.bodyFields {
                guard let raw = values[field.value] else {
                    throw AuthError.unsupported("\(provider.displayName) needs the \(field.value.rawValue.replacing("_", with: " ")) for this step.")
                }
                members.append((field.name, .string(transform(raw, as: field.value))))
            }
            body = .object(members)
        }
        var headers: [HTTPHeader] = []
        if endpoint.sendsBearerAccessToken, let bearer { headers.append(HTTPHeader("Authorization", "Bearer \(bearer)")) }
        var request = HTTPRequest.json(endpoint.method, url: url, body: body, headers: headers)
        request.caFile = caFile
        let response = try await transport.send(request)
        return (response, clock.now())
    }

    private func transform(_ value: String, as role: RequestValue) -> String {
        if role == .username { return provider.usernameTransform.apply(value) }
        if role.isPassword { return provider.passwordTransform.apply(value) }
        return value
    }

    /// The secrets a message must not repeat: every value sent except the username, both as
    /// given and as transformed for the wire (Exabits receives the password's MD5).
    private func reader(_ values: [RequestValue: String]) -> ResponseReader {
        var secrets: [String] = []
        for (role, value) in values where role != .username {
            secrets.append(value)
            secrets.append(transform(value, as: role))
        }
        return ResponseReader(provider: provider, mapper: ProviderErrorMapper(provider: provider, secrets: SecretMatcher(secrets: secrets)))
    }

    private func challenge(in payload: JSONValue, username: String, receivedAt: Date) throws(AuthError) -> ChallengeSession? {
        let fields = provider.responseFields
        guard let nameKey = fields.challengeName, let name = payload[nameKey]?.stringValue, !name.isEmpty else { return nil }
        // An answer with tokens and a stray challenge name is a login: tokens win.
        if let access = payload[fields.accessToken]?.stringValue, !access.isEmpty { return nil }
        guard name == "NEW_PASSWORD_REQUIRED" else {
            throw AuthError.unsupported("\(provider.displayName) asks for a \(name) step, which tokenman cannot answer; log in on the provider's website.")
        }
        guard let sessionKey = fields.session, let session = payload[sessionKey]?.stringValue, !session.isEmpty else {
            throw AuthError.unexpectedResponse("the challenge has no session")
        }
        return ChallengeSession(
            name: name,
            session: session,
            username: provider.usernameTransform.apply(username),
            startedAt: receivedAt,
            expiresAt: provider.lifetimes.challengeSession.map { receivedAt.addingTimeInterval($0) })
    }
}
