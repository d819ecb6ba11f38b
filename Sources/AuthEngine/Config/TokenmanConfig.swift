/// Everything `config.toml` declares.
public struct TokenmanConfig: Sendable, Equatable {
    public var settings: TokenmanSettings
    /// `[providers.NAME]` blocks, in file order.
    public var providers: [ProviderDefinition]
    public var accounts: [AccountConfig]
    /// The file it came from; nil when there was none (an empty default config).
    public var path: String?

    public init(
        settings: TokenmanSettings = TokenmanSettings(),
        providers: [ProviderDefinition] = [],
        accounts: [AccountConfig] = [],
        path: String? = nil
    ) {
        self.settings = settings
        self.providers = providers
        self.accounts = accounts
        self.path = path
    }

    /// Built-in providers with the custom blocks added (or replacing a built-in of the same id).
    public var catalog: ProviderCatalog { ProviderCatalog(custom: providers) }

    public func account(named name: String) -> AccountConfig? {
        accounts.first { $0.name == name }
    }
}
