import AuthEngine
import Foundation

/// The engine as the effects see it: the current config and the `AccountService` built from
/// it. Adding or editing an account rebuilds the service (its account list is fixed), so
/// effects ask for the current one when they run.
final class EngineGateway: @unchecked Sendable {
    // @unchecked: `config` and `service` are only touched while `lock` is held.
    private let lock = NSLock()
    private var config: TokenmanConfig
    private var service: AccountService
    let store: TokenStore
    let environment: [String: String]

    init(config: TokenmanConfig, store: TokenStore, environment: [String: String]) {
        self.config = config
        self.store = store
        self.environment = environment
        self.service = Self.makeService(config: config, store: store, environment: environment)
    }

    private static func makeService(config: TokenmanConfig, store: TokenStore, environment: [String: String]) -> AccountService {
        AccountService(config: config, store: store, secrets: SecretResolver(environment: environment))
    }

    var current: (config: TokenmanConfig, service: AccountService) {
        lock.lock()
        defer { lock.unlock() }
        return (config, service)
    }

    /// Installs a config read back from the file; returns the new service.
    @discardableResult
    func replace(config newConfig: TokenmanConfig) -> AccountService {
        let newService = Self.makeService(config: newConfig, store: store, environment: environment)
        lock.lock()
        config = newConfig
        service = newService
        lock.unlock()
        return newService
    }

    /// An authenticator for flows on an account as a form has it (a username other than the
    /// config's, for forgot-password).
    func authenticator() -> AuthClientAuthenticator {
        let config = current.config
        return AuthClientAuthenticator(catalog: config.catalog, transport: CurlTransport(options: .init(timeout: config.settings.httpTimeout, caFile: config.settings.caFile)))
    }
}
