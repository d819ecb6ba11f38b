import AuthEngine
import FoundationEssentials
import Synchronization

/// The engine as the live client sees it: the current config and the `AccountService` built
/// from it. Adding or editing an account rebuilds the service (its account list is fixed),
/// so each call asks for the current one when it runs.
final class EngineGateway: Sendable {
    private struct Current {
        var config: TokenmanConfig
        var service: AccountService
    }

    private let current: Mutex<Current>
    private let store: TokenStore
    private let environment: [String: String]

    init(config: TokenmanConfig, store: TokenStore, environment: [String: String]) {
        self.store = store
        self.environment = environment
        current = Mutex(Current(config: config, service: Self.makeService(config: config, store: store, environment: environment)))
    }

    private static func makeService(config: TokenmanConfig, store: TokenStore, environment: [String: String]) -> AccountService {
        AccountService(config: config, store: store, secrets: SecretResolver(environment: environment))
    }

    var service: AccountService { current.withLock { $0.service } }
    var config: TokenmanConfig { current.withLock { $0.config } }

    /// An authenticator for flows on an account as a form has it (a username other than the
    /// config's, for forgot-password).
    func authenticator() -> ProviderAuthenticator {
        let config = self.config
        return ProviderAuthenticator(
            catalog: config.catalog, transport: CurlTransport(options: .init(timeout: config.settings.httpTimeout, caFile: config.settings.caFile)),
            secrets: SecretResolver(environment: environment))
    }

    /// Rewrites the config file with `edit` (which also gets the current service, to move
    /// or forget tokens), installs the config read back and a service built from it, and
    /// hands that service to `configChanged`. `edit` returns the new config and a warning.
    func editConfig(
        configChanged: @Sendable (AccountService) -> Void,
        _ edit: (ConfigWriter, AccountService) throws(ConfigError) -> (TokenmanConfig, String?)
    ) -> Result<ConfigSaved, ConfigEditError> {
        let (config, service) = current.withLock { ($0.config, $0.service) }
        guard let path = config.path else { return .failure(ConfigEditError(message: "no config file to write to")) }
        let saved: TokenmanConfig
        let warning: String?
        do {
            (saved, warning) = try edit(ConfigWriter(path: path, environment: environment), service)
        } catch {
            return .failure(ConfigEditError(message: error.description))
        }
        let newService = Self.makeService(config: saved, store: store, environment: environment)
        current.withLock { $0 = Current(config: saved, service: newService) }
        configChanged(newService)
        return .success(ConfigSaved(config: saved, tokenWarning: warning))
    }
}
