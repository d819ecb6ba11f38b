extension TokenStore {
    /// `load(account:)` for a process that reads the store once for one account (the cached
    /// `tokenman token`): the same answers and errors, but no list of every entry is built nor
    /// kept for a later read of the same file (with 100,000 accounts that list was megabytes).
    public func loadOne(account: String) throws(TokenStoreError) -> TokenSet? {
        guard let data = try readData() else { return nil }
        switch try TokenStoreFile.entry(account, inFile: data, path: filePath) {
        case nil: return nil
        case .tokens(let tokens): return tokens
        case .unreadable(_, let detail): throw .unreadableEntry(path: filePath, account: account, detail: detail)
        }
    }
}
