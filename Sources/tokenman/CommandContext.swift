import AuthEngine
import FoundationEssentials
import PlatformSupport

/// What a scripting command works with: the loaded config, the token store and the service
/// over both. Building it reads one small config file and touches no network (libcurl is only
/// loaded when a request is made), so the cached `tokenman token` path stays cheap.
struct CommandContext {
    let config: TokenmanConfig
    let store: TokenStore
    let service: AccountService
    let environment: [String: String]

    /// - Parameter prompt: asks a person for a password; nil where no person may be asked.
    init(_ global: GlobalOptions, prompt: PasswordPrompt? = nil, environment: [String: String] = ProcessEnvironment.variables) throws(CLIFailure) {
        try self.init(configPath: global.config, stateDirectory: global.stateDir, prompt: prompt, environment: environment)
    }

    /// - Parameter note: where the store's notes go (a tightened directory, an unreadable entry);
    ///   stderr unless the caller collects them.
    init(
        configPath: String?,
        stateDirectory: String?,
        prompt: PasswordPrompt? = nil,
        environment: [String: String] = ProcessEnvironment.variables,
        note: @escaping @Sendable (String) -> Void = { Console.error("tokenman: \($0)") }
    ) throws(CLIFailure) {
        let config: TokenmanConfig
        do {
            config = try ConfigLoader(environment: environment).load(explicitPath: configPath)
        } catch {
            throw CLIFailure(error)
        }
        self.init(config: config, stateDirectory: stateDirectory, prompt: prompt, environment: environment, note: note)
    }

    /// Over a config read already (the cached-token fast path reads only one account's).
    init(
        config: TokenmanConfig,
        stateDirectory: String?,
        prompt: PasswordPrompt? = nil,
        environment: [String: String] = ProcessEnvironment.variables,
        note: @escaping @Sendable (String) -> Void
    ) {
        self.config = config
        store = TokenStore(directory: stateDirectory, environment: environment, warn: note)
        self.environment = environment
        service = AccountService(
            config: config,
            store: store,
            secrets: SecretResolver(environment: environment, prompt: prompt)
        )
    }

    /// The configured account, or a config error listing the names there are.
    func account(named name: String) throws(CLIFailure) -> AccountConfig {
        guard let account = config.account(named: name) else {
            let known = config.accounts.map(\.name)
            let where_ = config.path.map { " in \($0)" } ?? ""
            throw CLIFailure(.configError, "no account named \"\(name)\"\(where_) (configured: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        }
        return account
    }

    func provider(of account: AccountConfig) throws(CLIFailure) -> ProviderDefinition {
        guard let provider = config.catalog.definition(id: account.providerID) else {
            throw CLIFailure(.configError, "account \(account.name) uses an unknown provider \"\(account.providerID)\"")
        }
        return provider
    }
}
