import FoundationEssentials

/// What the store holds for each of the accounts `names` (the config's, in its order), reduced
/// to the expiry: a reading of the store for the TUI, which keeps expiries and reads an
/// account's tokens only to show or copy them.
public struct AccountExpiries: Equatable, Sendable {
    public var names: [String]
    /// Parallel to `names`.
    public var entries: [StoredExpiry]
    /// The store file's stamp when read (nil: not from a file, as in tests).
    public var stamp: TokenFileStamp?

    public init(names: [String], entries: [StoredExpiry], stamp: TokenFileStamp? = nil) {
        self.names = names
        self.entries = entries
        self.stamp = stamp
    }

    /// From whole token sets (tests, and callers that hold them).
    public init(names: [String], tokens: [String: TokenSet], unreadable: [String: String] = [:]) {
        self.init(names: names, entries: names.map { name in
            if let tokens = tokens[name] { return .expiry(TokenExpiry(tokens)) }
            return unreadable[name].map(StoredExpiry.unreadable) ?? StoredExpiry.none
        })
    }
}
