import Crypto
import FoundationEssentials

/// Exabits: `POST authenticate/login` (MD5 password, `{status,message,data}` envelope, wrong
/// credentials as HTTP 200 with `status:false`), `POST`/`GET api-tokens`, and the protected
/// `GET account`, authenticated like every Exabits call: `Authorization: Bearer <access>` plus
/// `refresh-token: <refresh>`, or `Authorization: Bearer <api_token>` alone.
struct ExabitsRoutes: ProviderRoutes {
    let store: SimulatorStore
    var provider: SimulatedProvider { .exabits }

    func respond(to request: HTTPRequest, path: String) -> HTTPResponse {
        switch path {
        case "/authenticate/login": allow(["POST"], request, login)
        case "/api-tokens": allow(["GET", "POST"], request) { $0.method == "POST" ? createAPIToken($0) : listAPITokens($0) }
        case "/account": allow(["GET"], request, account)
        default: notFound(path)
        }
    }

    /// The lowercase hex MD5 an Exabits client sends as `password`.
    static func md5Hex(_ text: String) -> String {
        Insecure.MD5.hash(data: Data(text.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    private func login(_ request: HTTPRequest) -> HTTPResponse {
        let body: JSONObject
        switch jsonBody(request) {
        case .success(let object): body = object
        case .failure(let error): return error.response
        }
        guard let username = body.string("username"), let passwordHash = body.string("password") else {
            return provider.errorResponse(400, code: "invalid_request", message: "username and password are required")
        }
        return store.transaction { state, now in
            guard let stored = state.users.find(username, on: provider),
                  passwordHash == (stored.user.exabitsPasswordHash ?? Self.md5Hex(stored.user.password))
            else {
                return .json(200, ["status": false, "message": "Invalid username or password!"])
            }
            if stored.user.isDisabled {
                return .json(200, ["status": false, "message": "Your account has been disabled."])
            }
            let pair = state.issuePair(provider: provider, username: username, now: now)
            return .json(200, [
                "status": true,
                "message": "Login successful!",
                "data": [
                    "username": .string(username),
                    "email": .string(stored.user.email),
                    "access_token": .string(pair.access.jwt),
                    "refresh_token": .string(pair.refresh.jwt),
                ],
            ])
        }
    }

    private func createAPIToken(_ request: HTTPRequest) -> HTTPResponse {
        let body: JSONObject
        switch jsonBody(request) {
        case .success(let object): body = object
        case .failure(let error): return error.response
        }
        return store.transaction { state, now in
            guard let username = authenticatedUser(request, state: state, now: now) else { return unauthorized() }
            guard let name = body.string("name") else {
                return provider.errorResponse(400, code: "invalid_request", message: "name is required")
            }
            let token = state.tokens.issue(.api, provider: provider, username: username, lifetime: nil, now: now)
            let entry = ExabitsAPIToken(id: state.apiTokens.count + 1, name: name, username: username, tokenID: token.id, createdAt: now)
            state.apiTokens.append(entry)
            return .json(200, [
                "status": true,
                "message": "API token created successfully.",
                "data": ["id": .int(entry.id), "name": .string(name), "token": .string(token.jwt), "created_at": .string(Timestamp.rfc3339(now))],
            ])
        }
    }

    /// Lists the caller's API tokens; the secrets are shown only once, at creation.
    private func listAPITokens(_ request: HTTPRequest) -> HTTPResponse {
        store.transaction { state, now in
            guard let username = authenticatedUser(request, state: state, now: now) else { return unauthorized() }
            let entries: [JSONValue] = state.apiTokens
                .filter { $0.username == username }
                .map { ["id": .int($0.id), "name": .string($0.name), "created_at": .string(Timestamp.rfc3339($0.createdAt))] }
            return .json(200, ["status": true, "message": "Success", "data": .array(entries)])
        }
    }

    private func account(_ request: HTTPRequest) -> HTTPResponse {
        store.transaction { state, now in
            guard let username = authenticatedUser(request, state: state, now: now) else { return unauthorized() }
            let email = state.users.find(username, on: provider)?.user.email ?? ""
            return .json(200, ["ok": true, "provider": .string(provider.rawValue), "username": .string(username), "email": .string(email)])
        }
    }

    /// The user behind the request's headers: an API token alone, or an access token together
    /// with a live refresh token of the same user.
    private func authenticatedUser(_ request: HTTPRequest, state: SimulatorState, now: Date) -> String? {
        guard let bearer = request.bearerToken,
              let (_, record) = state.tokens.check(bearer, provider: provider, uses: [.access, .api], now: now).validRecord
        else { return nil }
        if record.use == .api { return record.username }
        guard let refreshToken = request.header("refresh-token"),
              let (_, refreshRecord) = state.tokens.check(refreshToken, provider: provider, uses: [.refresh], now: now).validRecord,
              refreshRecord.username == record.username
        else { return nil }
        return record.username
    }

    private func unauthorized() -> HTTPResponse {
        provider.errorResponse(401, code: "unauthorized", message: "Unauthorized: invalid or expired token.")
    }
}
