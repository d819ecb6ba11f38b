import AuthEngine

extension ProviderCatalog {
    /// The provider's name, short enough for a column: its first word, as the list shows it.
    func shortName(of account: AccountConfig) -> String {
        guard let name = definition(id: account.providerID)?.displayName else { return account.providerID }
        return name.split(separator: " ").first.map(String.init) ?? name
    }
}
