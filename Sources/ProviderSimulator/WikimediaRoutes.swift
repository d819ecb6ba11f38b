import CheckedNumbers
import FoundationEssentials

/// Wikimedia Enterprise auth API (a wrapper over AWS Cognito): the seven `POST /v1/…` endpoints
/// of the docs, and the protected `GET /v1/account` (Bearer). Errors are `{"status","message"}`;
/// validation failures are 422; credential, token and session failures 401 with Cognito's wording.
struct WikimediaRoutes: ProviderRoutes {
    let store: SimulatorStore
    var provider: SimulatedProvider { .wikimedia }

    func respond(to request: HTTPRequest, path: String) -> HTTPResponse {
        switch path {
        case "/v1/login": allow(["POST"], request, login)
        case "/v1/new-password-required": allow(["POST"], request, newPasswordRequired)
        case "/v1/token-refresh": allow(["POST"], request, tokenRefresh)
        case "/v1/token-revoke": allow(["POST"], request, tokenRevoke)
        case "/v1/forgot-password": allow(["POST"], request, forgotPassword)
        case "/v1/forgot-password-confirm": allow(["POST"], request, forgotPasswordConfirm)
        case "/v1/change-password": allow(["POST"], request, changePassword)
        case "/v1/account": allow(["GET"], request, account)
        default: notFound(path)
        }
    }

    // MARK: Endpoints

    private func login(_ request: HTTPRequest) -> HTTPResponse {
        let fields: [String: String]
        switch requiredFields(["username", "password"], of: request) {
        case .success(let values): fields = values
        case .failure(let error): return error.response
        }
        let username = fields["username"] ?? "", password = fields["password"] ?? ""
        return store.transaction { state, now in
            guard let stored = state.users.find(username, on: provider), stored.user.password == password else {
                return fail(401, "Incorrect username or password.")
            }
            if stored.user.isDisabled {
                return fail(401, "User is disabled.")
            }
            if stored.user.requiresNewPassword {
                let session = Self.randomSession()
                state.newPasswordSessions[session] = NewPasswordSession(
                    username: username,
                    expiresAt: now.addingTimeInterval(store.newPasswordSessionLifetime)
                )
                return .json(200, ["challenge_name": "NEW_PASSWORD_REQUIRED", "session": .string(session)])
            }
            return fullTokenResponse(&state, username: username, now: now)
        }
    }

    private func newPasswordRequired(_ request: HTTPRequest) -> HTTPResponse {
        let fields: [String: String]
        switch requiredFields(["username", "session", "new_password"], of: request) {
        case .success(let values): fields = values
        case .failure(let error): return error.response
        }
        let username = fields["username"] ?? "", session = fields["session"] ?? "", newPassword = fields["new_password"] ?? ""
        if let problem = Self.passwordProblem(newPassword, field: "new_password", maxLength: 255) {
            return fail(422, problem)
        }
        return store.transaction { state, now in
            // Single use: the session is gone whether or not it was still good.
            let challenge = state.newPasswordSessions.removeValue(forKey: session)
            guard let challenge, challenge.username == username, now < challenge.expiresAt,
                  state.users.find(username, on: provider) != nil
            else {
                return fail(401, "Invalid session for the user, session is expired.")
            }
            state.users.update(username, on: provider) {
                $0.password = newPassword
                $0.requiresNewPassword = false
            }
            return fullTokenResponse(&state, username: username, now: now)
        }
    }

    /// Cognito's REFRESH_TOKEN_AUTH: new access and id tokens, no new refresh token.
    private func tokenRefresh(_ request: HTTPRequest) -> HTTPResponse {
        let fields: [String: String]
        switch requiredFields(["username", "refresh_token"], of: request) {
        case .success(let values): fields = values
        case .failure(let error): return error.response
        }
        let username = fields["username"] ?? "", refreshToken = fields["refresh_token"] ?? ""
        return store.transaction { state, now in
            let id: String, record: TokenRecord
            switch state.tokens.check(refreshToken, provider: provider, uses: [.refresh], now: now) {
            case .valid(let validID, let validRecord): (id, record) = (validID, validRecord)
            case .expired: return fail(401, "Refresh Token has expired")
            case .revoked: return fail(401, "Refresh Token has been revoked")
            case .invalid: return fail(401, "Invalid Refresh Token")
            }
            guard record.username == username else { return fail(401, "Invalid Refresh Token") }
            guard record.refreshCount < store.wikimediaRefreshLimit else {
                return fail(429, "Refresh tokens limit has been exceeded.")
            }
            _ = state.tokens.countRefresh(of: id)
            let lifetime = state.lifetimes(of: provider).access
            let access = state.tokens.issue(.access, provider: provider, username: username, lifetime: lifetime, parentID: id, now: now)
            let idToken = state.tokens.issue(.id, provider: provider, username: username, lifetime: lifetime, parentID: id, now: now)
            return .json(200, ["id_token": .string(idToken.jwt), "access_token": .string(access.jwt), "expires_in": .int(Int(clamping: lifetime, rounding: .toNearestOrAwayFromZero))])
        }
    }

    /// Revokes the refresh token and every access and id token minted from it. Revoking a token
    /// that is already revoked or expired succeeds (as OAuth revocation does); garbage is a 401.
    private func tokenRevoke(_ request: HTTPRequest) -> HTTPResponse {
        let fields: [String: String]
        switch requiredFields(["refresh_token"], of: request) {
        case .success(let values): fields = values
        case .failure(let error): return error.response
        }
        return store.transaction { state, now in
            guard let record = state.tokens.record(ofSigned: fields["refresh_token"] ?? "", provider: provider),
                  record.use == .refresh,
                  let claims = state.tokens.signer.verify(fields["refresh_token"] ?? "")
            else {
                return fail(401, "Invalid token")
            }
            state.tokens.revoke(claims.tokenID, cascade: true)
            return .noContent()
        }
    }

    /// "Emails" a code through the output sink. Unknown users get the same 204 and no email, so
    /// the endpoint does not reveal which usernames exist (Cognito's PreventUserExistenceErrors).
    private func forgotPassword(_ request: HTTPRequest) -> HTTPResponse {
        let fields: [String: String]
        switch requiredFields(["username"], of: request) {
        case .success(let values): fields = values
        case .failure(let error): return error.response
        }
        let username = fields["username"] ?? ""
        let code: String? = store.transaction { state, now in
            guard state.users.find(username, on: provider) != nil else { return nil }
            let code = ConfirmationCode.randomDigits()
            state.confirmationCodes[username] = ConfirmationCode(code: code, expiresAt: now.addingTimeInterval(store.confirmationCodeLifetime))
            state.lastConfirmationCodes[username] = code
            return code
        }
        if let code {
            store.output("[wikimedia] forgot-password code for \(username): \(code)")
        }
        return .noContent()
    }

    /// A wrong code is Cognito's CodeMismatchException, an expired one ExpiredCodeException; the
    /// wrapper answers both as 401 with Cognito's message. A code works once.
    private func forgotPasswordConfirm(_ request: HTTPRequest) -> HTTPResponse {
        let fields: [String: String]
        switch requiredFields(["username", "password", "confirmation_code"], of: request) {
        case .success(let values): fields = values
        case .failure(let error): return error.response
        }
        let username = fields["username"] ?? "", password = fields["password"] ?? "", code = fields["confirmation_code"] ?? ""
        if let problem = Self.passwordProblem(password, field: "password", maxLength: 255) {
            return fail(422, problem)
        }
        return store.transaction { state, now in
            guard let pending = state.confirmationCodes[username], state.users.find(username, on: provider) != nil else {
                return fail(401, "Invalid code provided, please request a code again.")
            }
            guard now < pending.expiresAt else {
                state.confirmationCodes[username] = nil
                return fail(401, "Invalid code provided, please request a code again.")
            }
            guard pending.code == code else {
                return fail(401, "Invalid verification code provided, please try again.")
            }
            state.confirmationCodes[username] = nil
            state.users.update(username, on: provider) {
                $0.password = password
                $0.requiresNewPassword = false
            }
            return .noContent()
        }
    }

    private func changePassword(_ request: HTTPRequest) -> HTTPResponse {
        let fields: [String: String]
        switch requiredFields(["access_token", "previous_password", "proposed_password"], of: request) {
        case .success(let values): fields = values
        case .failure(let error): return error.response
        }
        let proposed = fields["proposed_password"] ?? ""
        if let problem = Self.passwordProblem(proposed, field: "proposed_password", maxLength: 256) {
            return fail(422, problem)
        }
        return store.transaction { state, now in
            let record: TokenRecord
            switch state.tokens.check(fields["access_token"] ?? "", provider: provider, uses: [.access], now: now) {
            case .valid(_, let validRecord): record = validRecord
            case .expired: return fail(401, "Access Token has expired")
            case .revoked: return fail(401, "Access Token has been revoked")
            case .invalid: return fail(401, "Invalid Access Token")
            }
            guard let stored = state.users.find(record.username, on: provider),
                  stored.user.password == fields["previous_password"]
            else {
                return fail(401, "Incorrect username or password.")
            }
            state.users.update(record.username, on: provider) { $0.password = proposed }
            return .noContent()
        }
    }

    private func account(_ request: HTTPRequest) -> HTTPResponse {
        store.transaction { state, now in
            guard let bearer = request.bearerToken,
                  let (_, record) = state.tokens.check(bearer, provider: provider, uses: [.access], now: now).validRecord
            else {
                return fail(401, "Unauthorized")
            }
            return .json(200, ["ok": true, "provider": .string(provider.rawValue), "username": .string(record.username)])
        }
    }

    // MARK: Helpers

    private func fail(_ status: Int, _ message: String) -> HTTPResponse {
        provider.errorResponse(status, code: "", message: message)
    }

    private func fullTokenResponse(_ state: inout SimulatorState, username: String, now: Date) -> HTTPResponse {
        let pair = state.issuePair(provider: provider, username: username, now: now)
        let lifetime = state.lifetimes(of: provider).access
        let idToken = state.tokens.issue(.id, provider: provider, username: username, lifetime: lifetime, parentID: pair.refresh.id, now: now)
        return .json(200, [
            "id_token": .string(idToken.jwt),
            "access_token": .string(pair.access.jwt),
            "refresh_token": .string(pair.refresh.jwt),
            "expires_in": .int(Int(clamping: lifetime, rounding: .toNearestOrAwayFromZero)),
        ])
    }

    /// The named string fields, or a 422 naming the first one missing.
    private func requiredFields(_ names: [String], of request: HTTPRequest) -> Result<[String: String], ResponseError> {
        let body: JSONObject
        switch jsonBody(request) {
        case .success(let object): body = object
        case .failure(let error): return .failure(error)
        }
        var values: [String: String] = [:]
        for name in names {
            guard let value = body.string(name) else {
                return .failure(ResponseError(fail(422, "\(name) is required")))
            }
            values[name] = value
        }
        return .success(values)
    }

    /// Why a new password is refused (length 6…maxLength characters), or nil.
    static func passwordProblem(_ password: String, field: String, maxLength: Int) -> String? {
        (6...maxLength).contains(password.count) ? nil : "\(field) must be between 6 and \(maxLength) characters long"
    }

    /// An opaque session string, long like Cognito's.
    static func randomSession() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<48).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return JWTSigner.base64URL(Data(bytes))
    }
}
