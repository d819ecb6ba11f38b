import AuthEngine

extension ProviderCatalog {
    /// The provider's name, short enough for a column (the provider's own `shortName`).
    func shortName(of account: AccountConfig) -> String {
        definition(id: account.providerID)?.shortName ?? account.providerID
    }
}
