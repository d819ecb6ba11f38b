extension TokenStore {
    /// `load(account:)` for a process that reads the store once for one account (the cached
    /// `tokenman token`): the same answers and errors, streaming the file and keeping only the
    /// entry wanted. It reads to the end: whether the file is whole JSON, its version (which
    /// tokenman writes after `accounts`) and whether a later entry of the same name replaces this
    /// one are all known only there.
    public func loadOne(account: String) throws(TokenStoreError) -> TokenSet? {
        guard let read = try stream(into: TokenStoreEntrySinks.One(account), unlessStamped: nil), let sink = read.sink else { return nil }
        switch sink.entry {
        case nil: return nil
        case .tokens(let tokens): return tokens
        case .unreadable(_, let detail): throw .unreadableEntry(path: filePath, account: account, detail: detail)
        }
    }
}
