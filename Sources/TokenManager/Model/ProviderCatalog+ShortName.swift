import AuthEngine

extension ProviderCatalog {
    /// The provider's name, short enough for a column (the provider's own `shortName`).
    /// Read in place: every row of every frame asks, and `definition(id:)` copies the whole
    /// definition (dozens of strings retained and released).
    func shortName(of account: AccountConfig) -> String {
        index(id: account.providerID).map { all[$0].shortName } ?? account.providerID
    }
}
