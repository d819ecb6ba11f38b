import FoundationEssentials

/// ByteFederal ByteConnect: `POST /auth`, `POST /auth_refresh`, and the protected
/// `POST /api/account` that reads the access token from the JSON body, as ByteConnect API calls do.
struct ByteConnectRoutes: ProviderRoutes {
    let store: SimulatorStore
    var provider: SimulatedProvider { .byteConnect }

    func respond(to request: HTTPRequest, path: String) -> HTTPResponse {
        switch path {
        case "/auth": allow(["POST"], request, login)
        case "/auth_refresh": allow(["POST"], request, refresh)
        case "/api/account": allow(["POST"], request, account)
        default: notFound(path)
        }
    }

    private func login(_ request: HTTPRequest) -> HTTPResponse {
        let body: JSONObject
        switch jsonBody(request) {
        case .success(let object): body = object
        case .failure(let error): return error.response
        }
        // The docs' curl sends `user_name`; every other sample sends `username`. Accept both.
        guard let username = body.string("username") ?? body.string("user_name"),
              let password = body.string("password")
        else {
            return provider.errorResponse(400, code: "invalid_request", message: "Username and password are required.")
        }
        return store.transaction { state, now in
            switch state.checkThrottledLogin(provider: provider, username: username, password: password, now: now) {
            case .throttled(let wait):
                return provider.errorResponse(429, code: "invalid_credentials", message: "Too many failed login attempts. Please try again later.")
                    .adding(header: "Retry-After", String(wait))
            case .rejected:
                return provider.errorResponse(401, code: "invalid_credentials", message: "Username or password was invalid.")
            case .disabled:
                return provider.errorResponse(403, code: "invalid_credentials", message: "This account is disabled.")
            case .accepted:
                return tokenResponse(state.issuePair(provider: provider, username: username, now: now))
            }
        }
    }

    /// Rotation: the presented refresh token is revoked and a new pair is minted. The access token
    /// must be one of ours for the same user, but may have expired (that is why one refreshes).
    private func refresh(_ request: HTTPRequest) -> HTTPResponse {
        let body: JSONObject
        switch jsonBody(request) {
        case .success(let object): body = object
        case .failure(let error): return error.response
        }
        guard let accessToken = body.string("access_token"), let refreshToken = body.string("refresh_token") else {
            return provider.errorResponse(400, code: "invalid_request", message: "access_token and refresh_token are required.")
        }
        return store.transaction { state, now in
            guard let (refreshID, refreshRecord) = state.tokens.check(refreshToken, provider: provider, uses: [.refresh], now: now).validRecord,
                  let accessRecord = state.tokens.record(ofSigned: accessToken, provider: provider),
                  accessRecord.use == .access,
                  accessRecord.username == refreshRecord.username
            else {
                return provider.errorResponse(401, code: "invalid_token", message: "The refresh token is invalid or expired.")
            }
            state.tokens.revoke(refreshID, cascade: false)
            return tokenResponse(state.issuePair(provider: provider, username: refreshRecord.username, now: now))
        }
    }

    private func account(_ request: HTTPRequest) -> HTTPResponse {
        let token = request.jsonObject()?.string("access_token") ?? ""
        return store.transaction { state, now in
            guard let (_, record) = state.tokens.check(token, provider: provider, uses: [.access], now: now).validRecord else {
                return provider.errorResponse(401, code: "invalid_token", message: "The access token is invalid or expired.")
            }
            return .json(200, ["ok": true, "provider": .string(provider.rawValue), "username": .string(record.username)])
        }
    }

    private func tokenResponse(_ pair: (access: IssuedToken, refresh: IssuedToken)) -> HTTPResponse {
        .json(200, ["access_token": .string(pair.access.jwt), "token_type": "bearer", "refresh_token": .string(pair.refresh.jwt)])
    }
}
