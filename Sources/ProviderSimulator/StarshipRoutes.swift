import FoundationEssentials

/// Starship Rewards: `POST /auth/login`, `POST /auth/refresh` (rotating), `POST /auth/logout`
/// (Bearer; revokes all the client's tokens), and the protected `GET /api/balance` (Bearer).
struct StarshipRoutes: ProviderRoutes {
    let store: SimulatorStore
    var provider: SimulatedProvider { .starship }

    func respond(to request: HTTPRequest, path: String) -> HTTPResponse {
        switch path {
        case "/auth/login": allow(["POST"], request, login)
        case "/auth/refresh": allow(["POST"], request, refresh)
        case "/auth/logout": allow(["POST"], request, logout)
        case "/api/balance": allow(["GET"], request, balance)
        default: notFound(path)
        }
    }

    private func login(_ request: HTTPRequest) -> HTTPResponse {
        // A body that is not JSON lacks the fields too: same documented 400.
        let body = request.jsonObject()
        guard let username = body?.string("username"), let password = body?.string("password") else {
            return provider.errorResponse(400, code: "validation_error", message: "Username and password are required")
        }
        return store.transaction { state, now in
            switch state.checkThrottledLogin(provider: provider, username: username, password: password, now: now) {
            case .throttled(let wait):
                return provider.errorResponse(429, code: "Too Many Requests", message: "Too many login attempts. Please try again later.")
                    .adding(header: "Retry-After", String(wait))
            case .rejected:
                return provider.errorResponse(401, code: "unauthorized", message: "Invalid credentials")
            case .disabled:
                return provider.errorResponse(403, code: "forbidden", message: "IP address not authorized")
            case .accepted(let stored):
                return tokenResponse(state.issuePair(provider: provider, username: username, now: now), clientID: stored.clientID)
            }
        }
    }

    private func refresh(_ request: HTTPRequest) -> HTTPResponse {
        guard let refreshToken = request.jsonObject()?.string("refresh_token") else {
            return provider.errorResponse(400, code: "validation_error", message: "Refresh token is required")
        }
        return store.transaction { state, now in
            guard let (id, record) = state.tokens.check(refreshToken, provider: provider, uses: [.refresh], now: now).validRecord,
                  let stored = state.users.find(record.username, on: provider)
            else {
                return provider.errorResponse(401, code: "unauthorized", message: "Invalid refresh token")
            }
            state.tokens.revoke(id, cascade: false)
            return tokenResponse(state.issuePair(provider: provider, username: record.username, now: now), clientID: stored.clientID)
        }
    }

    private func logout(_ request: HTTPRequest) -> HTTPResponse {
        store.transaction { state, now in
            guard let bearer = request.bearerToken,
                  let (_, record) = state.tokens.check(bearer, provider: provider, uses: [.access], now: now).validRecord
            else {
                return provider.errorResponse(401, code: "unauthorized", message: "Invalid or missing token")
            }
            state.tokens.revokeAll(provider: provider, username: record.username)
            return .json(200, ["message": "Successfully logged out"])
        }
    }

    private func balance(_ request: HTTPRequest) -> HTTPResponse {
        store.transaction { state, now in
            guard let bearer = request.bearerToken,
                  let (_, record) = state.tokens.check(bearer, provider: provider, uses: [.access], now: now).validRecord
            else {
                return provider.errorResponse(401, code: "unauthorized", message: "Invalid or missing token")
            }
            let clientID = state.users.find(record.username, on: provider)?.clientID ?? 0
            return .json(200, [
                "ok": true, "provider": .string(provider.rawValue), "username": .string(record.username),
                "client_id": .int(clientID), "balance": "1000.00", "currency": "USD",
            ])
        }
    }

    private func tokenResponse(_ pair: (access: IssuedToken, refresh: IssuedToken), clientID: Int) -> HTTPResponse {
        .json(200, [
            "access_token": .string(pair.access.jwt),
            "refresh_token": .string(pair.refresh.jwt),
            "access_expires_at": .string(pair.access.expiresAt.map(Timestamp.rfc3339) ?? ""),
            "refresh_expires_at": .string(pair.refresh.expiresAt.map(Timestamp.rfc3339) ?? ""),
            "client_id": .int(clientID),
        ])
    }
}
