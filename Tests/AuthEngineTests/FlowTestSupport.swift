import AuthEngine
import Foundation
import ProviderSimulator
import Testing

/// A clock both the simulator and the engine read, moved by hand so expiry can be tested
/// without sleeping.
/// One simulator on an ephemeral loopback port per test, sharing a manual clock with the clients.
final class SimulatorHarness: Sendable {
    let simulator: ProviderSimulator
    let clock: ManualClock

    init(configure: (inout SimulatorConfiguration) -> Void = { _ in }) throws {
        let clock = ManualClock()
        var configuration = SimulatorConfiguration(port: 0, clock: { clock.now() }, output: { _ in })
        configure(&configuration)
        simulator = ProviderSimulator(configuration: configuration)
        self.clock = clock
        try simulator.start()
    }

    deinit {
        simulator.stop()
    }

    static func definition(of provider: SimulatedProvider) -> ProviderDefinition {
        switch provider {
        case .byteConnect: .byteConnect
        case .exabits: .exabits
        case .starship: .starship
        case .wikimedia: .wikimedia
        case .cognito: .cognito
        }
    }

    func client(
        _ provider: SimulatedProvider,
        definition: ProviderDefinition? = nil,
        options: CurlTransport.Options = CurlTransport.Options(timeout: 5, connectTimeout: 2)
    ) -> AuthClient {
        AuthClient(
            provider: definition ?? Self.definition(of: provider),
            baseURL: simulator.baseURL(for: provider),
            transport: CurlTransport(options: options),
            clock: clock)
    }

    /// Logs in and expects tokens (not a challenge).
    func login(_ provider: SimulatedProvider, _ username: String, _ password: String) async throws -> TokenSet {
        let outcome = try await client(provider).login(username: username, password: password)
        guard case .tokens(let tokens) = outcome else {
            Issue.record("expected tokens, got \(outcome)")
            throw AuthError.unexpectedResponse("challenge")
        }
        return tokens
    }

    /// Calls the provider's protected endpoint carrying the token exactly as
    /// `ProviderDefinition.apiCredentials(for:)` says; returns the HTTP status.
    func protectedStatus(_ provider: SimulatedProvider, with tokens: TokenSet) async throws -> Int {
        let (method, path): (String, String) = switch provider {
        case .byteConnect: ("POST", "api/account")
        case .exabits: ("GET", "account")
        case .starship: ("GET", "api/balance")
        case .wikimedia: ("GET", "v1/account")
        case .cognito: ("POST", "") // GetUser; Cognito's protected calls are operations, not paths
        }
        var base = simulator.baseURL(for: provider)
        if !base.hasSuffix("/") { base += "/" }
        let url = try #require(URL(string: base + path))
        var headers: [HTTPHeader] = []
        var members: [(key: String, value: JSONValue)] = []
        for credential in Self.definition(of: provider).apiCredentials(for: tokens) {
            switch credential {
            case .header(let name, let value): headers.append(HTTPHeader(name, value))
            case .jsonBodyField(let name, let value): members.append((name, .string(value)))
            }
        }
        let request = HTTPRequest.json(method, url: url, body: members.isEmpty ? nil : .object(members), headers: headers)
        return try await CurlTransport().send(request).status
    }
}

/// Runs `body` and returns the AuthError it threw; records an issue when it did not throw or
/// threw something else. (Closures infer `throws(any Error)`, hence the cast.)
func authError<T>(_ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> AuthError? {
    do {
        let value = try await body()
        Issue.record("expected an AuthError, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as AuthError {
        return error
    } catch {
        Issue.record("expected an AuthError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
