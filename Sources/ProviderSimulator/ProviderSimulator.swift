import FoundationEssentials
import PlatformSupport

/// A real HTTP/1.1 server on 127.0.0.1 that behaves like the four token APIs tokenman manages,
/// written from their documentation alone (it imports nothing of the app).
///
/// All four live on one port, each under its own prefix, so base URLs with a path part are
/// exercised (`baseURL(for:)`):
///
/// | provider | base URL | endpoints |
/// |---|---|---|
/// | ByteConnect | `http://127.0.0.1:PORT/bytefederal` | `POST /auth`, `POST /auth_refresh` |
/// | Exabits | `http://127.0.0.1:PORT/exabits/api/v1/` | `POST authenticate/login`, `POST`/`GET api-tokens` |
/// | Starship | `http://127.0.0.1:PORT/starship` | `POST /auth/login`, `/auth/refresh`, `/auth/logout` |
/// | Wikimedia | `http://127.0.0.1:PORT/wikimedia` | `POST /v1/login`, `/v1/new-password-required`, `/v1/token-refresh`, `/v1/token-revoke`, `/v1/forgot-password`, `/v1/forgot-password-confirm`, `/v1/change-password` |
///
/// One protected endpoint per provider checks an access token the way that provider's API calls
/// carry it, answering 200 `{"ok":true,"provider":…,"username":…}` or 401:
/// - ByteConnect `POST /bytefederal/api/account` with `{"access_token": …}` in the JSON body;
/// - Exabits `GET /exabits/api/v1/account` with `Authorization: Bearer <access>` and
///   `refresh-token: <refresh>`, or `Authorization: Bearer <api_token>` alone;
/// - Starship `GET /starship/api/balance` with `Authorization: Bearer <access>`;
/// - Wikimedia `GET /wikimedia/v1/account` with `Authorization: Bearer <access>`.
///
/// `GET /_stats` answers each provider's request, login and refresh counts (`RequestTally`).
///
/// Tokens are HS256 JWTs signed with a per-instance random key, carrying `iss`, `sub`, `jti`,
/// `iat`, `exp` (none on Exabits API tokens) and `token_use` (`access`, `refresh`, `id`, `api`).
/// Demo accounts: see `DemoCredential.all`. Each test should start its own instance on port 0.
public final class ProviderSimulator: Sendable {
    private let store: SimulatorStore
    private let server: HTTPServer
    private let configuredPort: UInt16

    public init(configuration: SimulatorConfiguration = SimulatorConfiguration()) {
        let store = SimulatorStore(configuration: configuration)
        let routes: [SimulatedProvider: any ProviderRoutes] = [
            .byteConnect: ByteConnectRoutes(store: store),
            .exabits: ExabitsRoutes(store: store),
            .starship: StarshipRoutes(store: store),
            .wikimedia: WikimediaRoutes(store: store),
            .cognito: CognitoRoutes(store: store),
        ]
        self.store = store
        self.configuredPort = configuration.port
        self.server = HTTPServer { request in
            Self.handle(request, store: store, routes: routes)
        }
    }

    deinit {
        server.stop()
    }

    // MARK: Lifecycle

    /// Starts listening on 127.0.0.1 and returns the port (the ephemeral one when configured 0).
    /// Calling it again while running returns the same port.
    @discardableResult
    public func start() throws -> UInt16 {
        try server.start(port: configuredPort)
    }

    /// Closes the listener; returns promptly. Requests in flight finish on their own threads.
    public func stop() {
        server.stop()
    }

    /// The bound port while running.
    public var port: UInt16? {
        server.port
    }

    /// The provider's base URL as its docs write it: `http://127.0.0.1:PORT/bytefederal`,
    /// `…/exabits/api/v1/` (trailing slash), `…/starship`, `…/wikimedia`.
    public func baseURL(for provider: SimulatedProvider) -> String {
        "http://127.0.0.1:\(port ?? configuredPort)\(provider.basePath)"
    }

    /// The accounts every simulator starts with (unless `includesDemoUsers` is false).
    public static var demoCredentials: [DemoCredential] {
        DemoCredential.all
    }

    // MARK: Knobs (thread-safe, effective for the next request)

    /// Switches a provider into a fault, for the next `times` requests or until cleared with nil.
    public func setFault(_ fault: SimulatedFault?, for provider: SimulatedProvider, times: Int? = nil) {
        store.transaction { state, _ in
            state.faults[provider] = fault.map { ActiveFault(fault: $0, remaining: times) }
        }
    }

    /// Adds `seconds` of real delay before every answer of the provider (0 removes it).
    public func setLatency(_ seconds: TimeInterval, for provider: SimulatedProvider) {
        store.transaction { state, _ in state.latency[provider] = seconds }
    }

    /// Overrides lifetimes of tokens minted from now on, for one provider or all (nil).
    public func setLifetimes(access: TimeInterval? = nil, refresh: TimeInterval? = nil, for provider: SimulatedProvider? = nil) {
        store.transaction { state, _ in
            state.lifetimes = SimulatorConfiguration.overriding(state.lifetimes, access: access, refresh: refresh, for: provider)
        }
    }

    public func lifetimes(for provider: SimulatedProvider) -> TokenLifetimes {
        store.transaction { state, _ in state.lifetimes(of: provider) }
    }

    public func setLoginRateLimit(_ limit: LoginRateLimit) {
        store.transaction { state, _ in state.loginRateLimit = limit }
    }

    // MARK: Accounts

    /// Adds (or replaces) an account. Tests add their own users so parallel tests do not interfere.
    public func addUser(_ user: SimulatedUser, to provider: SimulatedProvider) {
        store.transaction { state, _ in state.users.add(user, to: provider) }
    }

    /// Puts a Wikimedia user into the NEW_PASSWORD_REQUIRED state, optionally with a new
    /// temporary password (as an administrator's reset does). Returns false for unknown users.
    @discardableResult
    public func requireNewPassword(forWikimediaUser username: String, temporaryPassword: String? = nil) -> Bool {
        store.transaction { state, _ in
            guard state.users.find(username, on: .wikimedia) != nil else { return false }
            state.users.update(username, on: .wikimedia) {
                $0.requiresNewPassword = true
                if let temporaryPassword { $0.password = temporaryPassword }
            }
            return true
        }
    }

    /// The current password of an account (to check password changes), or nil.
    public func password(of username: String, on provider: SimulatedProvider) -> String? {
        store.transaction { state, _ in state.users.find(username, on: provider)?.user.password }
    }

    /// The last forgot-password code "emailed" to a Wikimedia user, even if already used.
    public func lastForgotPasswordCode(for username: String) -> String? {
        store.transaction { state, _ in state.lastConfirmationCodes[username] }
    }

    /// Revokes every token of one user server-side, as if an administrator had signed them out.
    public func revokeAllTokens(of username: String, on provider: SimulatedProvider) {
        store.transaction { state, _ in state.tokens.revokeAll(provider: provider, username: username) }
    }

    /// How many requests reached a provider's prefix (including faulted ones).
    public func requestCount(for provider: SimulatedProvider) -> Int {
        tally(for: provider).requests
    }

    /// Requests, logins and refreshes that reached a provider (including faulted ones). Also
    /// served as JSON at `GET /_stats`, for scripts that run `tokenman simulate`.
    public func tally(for provider: SimulatedProvider) -> RequestTally {
        store.transaction { state, _ in state.tallies[provider] ?? RequestTally() }
    }

    // MARK: Dispatch

    private static func handle(
        _ request: HTTPRequest,
        store: SimulatorStore,
        routes: [SimulatedProvider: any ProviderRoutes]
    ) -> ServerReply {
        if request.path == "/_stats" {
            return .respond(stats(store: store))
        }
        guard let (provider, subpath) = SimulatedProvider.route(request.path), let providerRoutes = routes[provider] else {
            return .respond(.json(404, ["error": "not_found", "message": .string("No simulated provider serves \(request.path)")]))
        }
        let (latency, fault) = store.transaction { state, _ in state.beginRequest(for: provider, subpath: subpath) }
        if latency > 0 {
            DetachedThread.sleep(seconds: latency)
        }
        if let fault {
            return fault.reply(for: provider)
        }
        return .respond(providerRoutes.respond(to: request, path: subpath))
    }

    /// `{"bytefederal": {"requests": n, "logins": n, "refreshes": n}, "exabits": …}`.
    private static func stats(store: SimulatorStore) -> HTTPResponse {
        let tallies = store.transaction { state, _ in state.tallies }
        var object: [String: JSONValue] = [:]
        for provider in SimulatedProvider.allCases {
            let tally = tallies[provider] ?? RequestTally()
            object[provider.rawValue] = ["requests": .int(tally.requests), "logins": .int(tally.logins), "refreshes": .int(tally.refreshes)]
        }
        return .json(200, object)
    }
}
