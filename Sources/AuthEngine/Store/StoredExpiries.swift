/// What the store holds for one account, as far as its expiry goes (`StoredExpiries`).
public enum StoredExpiry: Sendable, Equatable {
    /// No entry: the account is not logged in.
    case none
    case expiry(TokenExpiry)
    /// The entry cannot be read; a short reason (never the entry's text).
    case unreadable(String)
}

/// Every entry of the store reduced to its expiry (`TokenStore.expiries()`): what a list of
/// every account shows, without the file's text or the tokens. `tokenman list` reads this
/// before the config, so the store's bytes are gone before the config's accounts are built
/// (with 100,000 accounts, holding both was most of its peak memory).
public struct StoredExpiries: Sendable {
    /// The entries' names in file order, and what each holds.
    private let names: [String]
    private let entries: [StoredExpiry]
    /// Name -> position of its last entry (the one a read uses); nil when `names` is strictly
    /// increasing, as tokenman writes the store, where a name has one entry, found by binary
    /// search without building this index.
    private let index: [String: Int]?

    public init() {
        self.init(names: [], entries: [])
    }

    init(names: [String], entries: [StoredExpiry]) {
        self.names = names
        self.entries = entries
        if zip(names, names.dropFirst()).allSatisfy({ $0 < $1 }) {
            index = nil
        } else {
            var index: [String: Int] = [:]
            index.reserveCapacity(names.count)
            for (position, name) in names.enumerated() { index[name] = position }
            self.index = index
        }
    }

    /// What the store holds for each of `accounts`, in their order: as `TokenStore.snapshot()`
    /// has it (the last entry of a name counts), reduced to the expiry.
    public func of(_ accounts: [String]) -> [StoredExpiry] {
        var next = 0
        return accounts.map { name in
            position(of: name, after: &next).map { entries[$0] } ?? .none
        }
    }

    /// `next`: where the previous name was found, plus one. Accounts listed in the store's order
    /// (a config kept sorted) are found there without a search.
    private func position(of name: String, after next: inout Int) -> Int? {
        if let index { return index[name] }
        if next < names.count, names[next] == name {
            next += 1
            return next - 1
        }
        var low = 0, high = names.count
        while low < high {
            let middle = low + (high - low) / 2
            if names[middle] < name { low = middle + 1 } else { high = middle }
        }
        guard low < names.count, names[low] == name else { return nil }
        next = low + 1
        return low
    }
}
