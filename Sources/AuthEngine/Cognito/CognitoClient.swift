import FoundationEssentials

/// Runs the Cognito user-pool flows for one app client. A value type of Sendable parts with no
/// state between calls, like `AuthClient`: the caller keeps the TokenSet and the challenge.
///
/// With an app client secret, every call that names a user carries
/// `SECRET_HASH = Base64(HMAC-SHA256(secret, username + client id))`; RevokeToken carries the
/// secret itself (`ClientSecret`), as Cognito's API defines.
public struct CognitoClient: Sendable {
    public let endpoint: URL
    public let clientID: String
    private let clientSecret: String?
    private let provider: ProviderDefinition
    private let transport: any HTTPTransport
    private let clock: any WallClock

    public init(
        endpoint: String,
        clientID: String,
        clientSecret: String? = nil,
        provider: ProviderDefinition = .cognito,
        transport: any HTTPTransport = CurlTransport(),
        clock: any WallClock = SystemClock()
    ) throws(AuthError) {
        self.endpoint = try CognitoCall.endpointURL(endpoint)
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.provider = provider
        self.transport = transport
        self.clock = clock
    }

    // MARK: Login and challenge

    public func login(username: String, password: String) async throws(AuthError) -> LoginOutcome {
        var parameters: [(key: String, value: JSONValue)] = [("USERNAME", .string(username)), ("PASSWORD", .string(password))]
        let hash = secretHash(for: username)
        if let hash { parameters.append(("SECRET_HASH", .string(hash))) }
        let answer = try await call("InitiateAuth", [
            ("AuthFlow", .string("USER_PASSWORD_AUTH")), ("ClientId", .string(clientID)), ("AuthParameters", .object(parameters)),
        ], step: .login, secrets: [password, hash].compactMap { $0 })
        return try reader.outcome(of: answer, username: username)
    }

    public func answerNewPasswordChallenge(_ challenge: ChallengeSession, newPassword: String) async throws(AuthError) -> TokenSet {
        var responses: [(key: String, value: JSONValue)] = [("USERNAME", .string(challenge.username)), ("NEW_PASSWORD", .string(newPassword))]
        let hash = secretHash(for: challenge.username)
        if let hash { responses.append(("SECRET_HASH", .string(hash))) }
        let answer = try await call("RespondToAuthChallenge", [
            ("ChallengeName", .string(challenge.name)), ("ClientId", .string(clientID)),
            ("Session", .string(challenge.session)), ("ChallengeResponses", .object(responses)),
        ], step: .newPasswordChallenge, secrets: [newPassword, challenge.session, hash].compactMap { $0 })
        // A pool with MFA may chain another challenge after the new password.
        switch try reader.outcome(of: answer, username: challenge.username) {
        case .tokens(let tokens): return tokens
        case .newPasswordRequired: throw AuthError.unexpectedResponse("Cognito asked for a new password again")
        }
    }

    // MARK: Refresh and sign-out

    /// REFRESH_TOKEN_AUTH. Cognito answers without a refresh token: the old one is kept.
    /// - Parameter username: the configured username, used for the SECRET_HASH only when the
    ///   tokens do not say how the pool names the user.
    public func refresh(_ tokens: TokenSet, username: String? = nil) async throws(AuthError) -> TokenSet {
        guard let refreshToken = tokens.refreshToken else {
            throw AuthError.unsupported("This account holds no refresh token; log in again.")
        }
        var parameters: [(key: String, value: JSONValue)] = [("REFRESH_TOKEN", .string(refreshToken))]
        var hash: String?
        if clientSecret != nil {
            guard let name = CognitoAnswerReader.poolUsername(of: tokens) ?? username else {
                throw AuthError.unsupported("A refresh with a client secret needs the username; log in again.")
            }
            hash = secretHash(for: name)
        }
        if let hash { parameters.append(("SECRET_HASH", .string(hash))) }
        let answer = try await call("InitiateAuth", [
            ("AuthFlow", .string("REFRESH_TOKEN_AUTH")), ("ClientId", .string(clientID)), ("AuthParameters", .object(parameters)),
        ], step: .refresh, secrets: [refreshToken, tokens.accessToken, hash].compactMap { $0 })
        guard let result = answer.payload["AuthenticationResult"], case .object = result else {
            if let name = answer.payload["ChallengeName"]?.stringValue { throw CognitoAnswerReader.unsupportedChallenge(name) }
            throw AuthError.unexpectedResponse("the answer has no AuthenticationResult")
        }
        return try TokenSetReader(provider: provider).merge(refreshed: try reader.tokens(from: result, receivedAt: answer.receivedAt), into: tokens)
    }

    /// Signs the user out of every device: all refresh tokens die, access tokens are refused.
    public func globalSignOut(_ tokens: TokenSet) async throws(AuthError) {
        _ = try await call("GlobalSignOut", [("AccessToken", .string(tokens.accessToken))], step: .logout, secrets: [tokens.accessToken])
    }

    /// Revokes this session's refresh token and the access tokens issued from it.
    public func revokeToken(_ tokens: TokenSet) async throws(AuthError) {
        guard let refreshToken = tokens.refreshToken else {
            throw AuthError.unsupported("This account holds no refresh token to revoke.")
        }
        var members: [(key: String, value: JSONValue)] = [("Token", .string(refreshToken)), ("ClientId", .string(clientID))]
        if let clientSecret { members.append(("ClientSecret", .string(clientSecret))) }
        _ = try await call("RevokeToken", members, step: .revoke, secrets: [refreshToken, clientSecret].compactMap { $0 })
    }

    /// The logout: GlobalSignOut with the access token; when that token is already refused
    /// (expired), RevokeToken with the refresh token still ends the session.
    public func signOut(_ tokens: TokenSet) async throws(AuthError) {
        do {
            try await globalSignOut(tokens)
        } catch .tokenRejected(let reason) {
            guard tokens.refreshToken != nil else { throw AuthError.tokenRejected(reason) }
            try await revokeToken(tokens)
        }
    }

    // MARK: Passwords

    /// Sends a confirmation code; returns where Cognito sent it (masked), when it says.
    public func requestPasswordReset(username: String) async throws(AuthError) -> PasswordResetDelivery? {
        let answer = try await call("ForgotPassword", withSecretHash([("ClientId", .string(clientID)), ("Username", .string(username))], username: username),
                                    step: .forgotPassword, secrets: [secretHash(for: username)].compactMap { $0 })
        return reader.delivery(of: answer)
    }

    public func confirmPasswordReset(username: String, code: String, newPassword: String) async throws(AuthError) {
        let members = withSecretHash([
            ("ClientId", .string(clientID)), ("Username", .string(username)),
            ("ConfirmationCode", .string(code)), ("Password", .string(newPassword)),
        ], username: username)
        _ = try await call("ConfirmForgotPassword", members, step: .forgotPasswordConfirm,
                           secrets: [newPassword, code, secretHash(for: username)].compactMap { $0 })
    }

    public func changePassword(tokens: TokenSet, old: String, new: String) async throws(AuthError) {
        _ = try await call("ChangePassword", [
            ("PreviousPassword", .string(old)), ("ProposedPassword", .string(new)), ("AccessToken", .string(tokens.accessToken)),
        ], step: .changePassword, secrets: [old, new, tokens.accessToken])
    }

    // MARK: Plumbing

    private var reader: CognitoAnswerReader { CognitoAnswerReader(provider: provider) }

    private func secretHash(for username: String) -> String? {
        clientSecret.map { CognitoSecretHash.compute(secret: $0, username: username, clientID: clientID) }
    }

    private func withSecretHash(_ members: [(key: String, value: JSONValue)], username: String) -> [(key: String, value: JSONValue)] {
        guard let hash = secretHash(for: username) else { return members }
        return members + [("SecretHash", .string(hash))]
    }

    private func call(_ operation: String, _ members: [(key: String, value: JSONValue)], step: FlowStep, secrets: [String]) async throws(AuthError) -> CognitoCall.Answer {
        // The client secret is never sent except by RevokeToken, but it must not leak either way.
        let all = secrets + [clientSecret].compactMap { $0 }
        return try await CognitoCall(endpoint: endpoint, transport: transport, clock: clock).send(operation, members, step: step, secrets: all)
    }
}
