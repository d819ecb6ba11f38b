/// Every account in the store at one instant: the tokens that could be read, and for each entry
/// that could not, why (per account, so one bad entry leaves the others usable).
public struct TokenStoreSnapshot: Sendable, Equatable {
    public var tokens: [String: TokenSet]
    /// Account -> a short reason (never the entry's text).
    public var unreadable: [String: String]

    public init(tokens: [String: TokenSet] = [:], unreadable: [String: String] = [:]) {
        self.tokens = tokens
        self.unreadable = unreadable
    }
}
