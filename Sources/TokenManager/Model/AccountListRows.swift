import AuthEngine
import FoundationEssentials

/// The account list's rows in display order, kept between frames and keys so that drawing a
/// frame or moving the cursor costs the rows on screen, not the number of accounts.
///
/// What is computed when (`n` accounts):
/// - config change (`rebuild`): name order (`NaturalNameOrder`, once), the filter's
///   haystacks, the positions sorted by plain name (name → config position, by binary search);
/// - tokens change while sorted by expiry: the expiry order, for one account by moving it
///   (`tokenChanged(of:)`), else in full (`refreshTokens`); sorted by name, tokens only mark
///   the expiry order stale;
/// - filter or sort change: the shown order and row of each position, O(n) over integers
///   (a filter that extends the previous one searches only the previous matches).
///
/// Keys and frames only read: `count`, `account(atRow:)`, `row(of:)`, `account(named:)`.
///
/// Positions and rows are `Int32` (4 bytes an account each, not 8): with 100,000 accounts these
/// arrays were a good part of the UI's memory.
struct AccountListRows: Sendable {
    typealias SortOrder = AccountListState.SortOrder

    /// The configured accounts, in config order (their index is their "position").
    private(set) var accounts: [AccountConfig] = []
    /// Positions sorted by name as `String` compares them (then by position: a name configured
    /// twice finds its first), for `position(of:)`.
    private var nameIndex: [Int32] = []
    /// Positions sorted by name, and each position's place in that order (the tie-break of
    /// the expiry order).
    private var byName: [Int32] = []
    private var nameRank: [Int32] = []
    private var haystacks = FilterHaystacks()

    /// Each position's expiry sort key and the positions in expiry order; empty when stale.
    private var expiryKeys: [ExpiryKey] = []
    private var byExpiry: [Int32] = []
    /// Token changes not yet applied to the expiry order (the model counts them; O(1)).
    private(set) var pendingTokenChanges = 0

    private(set) var sortOrder = SortOrder.name
    /// The filter as matched (trimmed, lower-cased); empty: no filter.
    private(set) var filterText = ""
    private var needle: [UInt8] = []
    /// Per position, whether it matches the filter; empty when there is no filter.
    private var matches: [Bool] = []

    /// The positions shown, in order, and each position's row (-1: filtered out).
    private var order: [Int32] = []
    private var rowOfPosition: [Int32] = []

    // MARK: Reading

    var count: Int { order.count }
    var isFiltered: Bool { !needle.isEmpty }

    func account(atRow row: Int) -> AccountConfig? {
        position(atRow: row).map { accounts[$0] }
    }

    /// The config position of the account shown on `row`.
    func position(atRow row: Int) -> Int? {
        order.indices.contains(row) ? Int(order[row]) : nil
    }

    /// The row `name` is shown on, nil when it is filtered out or not configured.
    func row(of name: String) -> Int? {
        guard let position = position(of: name), rowOfPosition.indices.contains(position) else { return nil }
        let row = rowOfPosition[position]
        return row >= 0 ? Int(row) : nil
    }

    func account(named name: String) -> AccountConfig? {
        position(of: name).map { accounts[$0] }
    }

    /// `name`'s config position (its first, if configured twice): a binary search.
    func position(of name: String) -> Int? {
        var low = 0
        var high = nameIndex.count
        while low < high {
            let mid = (low + high) / 2
            if accounts[Int(nameIndex[mid])].name < name { low = mid + 1 } else { high = mid }
        }
        guard low < nameIndex.count else { return nil }
        let position = Int(nameIndex[low])
        return accounts[position].name == name ? position : nil
    }

    /// `entries` (parallel to the accounts these rows hold) rearranged for `newAccounts`, by name
    /// (`.none` for an account these rows do not have).
    func entries(_ entries: [StoredExpiry], for newAccounts: [AccountConfig]) -> [StoredExpiry] {
        guard entries.count == accounts.count else { return newAccounts.map { _ in .none } }
        return newAccounts.map { account in position(of: account.name).map { entries[$0] } ?? .none }
    }

    /// The accounts shown, in order (tests; O(n)).
    var visibleAccounts: [AccountConfig] { order.map { accounts[Int($0)] } }

    // MARK: Changes

    /// The config changed: everything is rebuilt.
    mutating func rebuild(accounts: [AccountConfig], catalog: ProviderCatalog, entries: [StoredExpiry]) {
        self.accounts = accounts
        let positions = (0..<Int32(clamping: accounts.count)).map { $0 }
        nameIndex = positions.sorted { a, b in
            let (x, y) = (accounts[Int(a)].name, accounts[Int(b)].name)
            return x != y ? x < y : a < b
        }
        byName = positions.sorted { NaturalNameOrder.precedes(accounts[Int($0)].name, accounts[Int($1)].name) }
        nameRank = [Int32](repeating: 0, count: accounts.count)
        for (rank, position) in byName.enumerated() { nameRank[Int(position)] = Int32(truncatingIfNeeded: rank) }
        haystacks = FilterHaystacks(accounts: accounts, catalog: catalog)
        expiryKeys = []
        byExpiry = []
        if sortOrder == .expiry { buildExpiryOrder(entries) }
        pendingTokenChanges = 0
        matches = needle.isEmpty ? [] : haystacks.matches(needle, in: accounts, among: accounts.indices)
        layOut()
    }

    /// Called by the model on every change of its tokens (cheap: applied by `refreshTokens`).
    mutating func noteTokensChanged() {
        pendingTokenChanges += 1
    }

    /// Applies pending token changes. `account`: the one account they were about, when the
    /// change is known to be that one (a renewal, a login): it is moved, not everything resorted.
    mutating func refreshTokens(_ entries: [StoredExpiry], changedAccount account: String? = nil) {
        guard pendingTokenChanges > 0 else { return }
        defer { pendingTokenChanges = 0 }
        guard sortOrder == .expiry else {
            // Sorted by name, tokens do not move rows; the expiry order is rebuilt when asked for.
            expiryKeys = []
            byExpiry = []
            return
        }
        if pendingTokenChanges == 1, let account, let position = position(of: account), !expiryKeys.isEmpty, entries.indices.contains(position) {
            move(Int32(truncatingIfNeeded: position), to: ExpiryKey(entries[position]))
        } else {
            buildExpiryOrder(entries)
        }
        layOut()
    }

    mutating func sort(by order: SortOrder, entries: [StoredExpiry]) {
        guard order != sortOrder else { return }
        sortOrder = order
        if order == .expiry, expiryKeys.isEmpty || pendingTokenChanges > 0 {
            buildExpiryOrder(entries)
            pendingTokenChanges = 0
        }
        layOut()
    }

    /// The filter's text changed (no work when its matched form did not).
    mutating func filter(by text: String) {
        let next = FilterHaystacks.needle(of: text)
        guard next != needle else { return }
        if next.isEmpty {
            matches = []
        } else if !needle.isEmpty, FilterHaystacks.bytes(next, contain: needle) {
            // Typing on: only what matched before can match now.
            let previous = matches
            matches = haystacks.matches(next, in: accounts, among: previous.indices.lazy.filter { previous[$0] })
        } else {
            matches = haystacks.matches(next, in: accounts, among: accounts.indices)
        }
        needle = next
        filterText = String(decoding: next, as: UTF8.self)
        layOut()
    }

    // MARK: Building

    private mutating func buildExpiryOrder(_ entries: [StoredExpiry]) {
        expiryKeys = accounts.indices.map { entries.indices.contains($0) ? ExpiryKey(entries[$0]) : ExpiryKey(.none) }
        byExpiry = (0..<Int32(clamping: accounts.count)).sorted { before($0, $1) }
    }

    /// Soonest first; tokens without an expiry next; logged-out accounts last; then by name.
    private func before(_ a: Int32, _ b: Int32) -> Bool {
        let (ka, kb) = (expiryKeys[Int(a)], expiryKeys[Int(b)])
        if ka != kb { return ka < kb }
        return nameRank[Int(a)] < nameRank[Int(b)]
    }

    /// Moves one position to its place for a new key (binary search out and in).
    private mutating func move(_ position: Int32, to key: ExpiryKey) {
        if let index = insertionIndex(of: position), index < byExpiry.count, byExpiry[index] == position {
            byExpiry.remove(at: index)
        } else {
            byExpiry.removeAll { $0 == position }
        }
        expiryKeys[Int(position)] = key
        byExpiry.insert(position, at: insertionIndex(of: position) ?? byExpiry.count)
    }

    /// Where `position` belongs in `byExpiry` by its current key (first index not before it).
    private func insertionIndex(of position: Int32) -> Int? {
        var low = 0
        var high = byExpiry.count
        while low < high {
            let mid = (low + high) / 2
            if before(byExpiry[mid], position) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func layOut() {
        let byNameShown = sortOrder == .name || byExpiry.count != accounts.count
        let base = byNameShown ? byName : byExpiry
        order = matches.isEmpty ? base : base.filter { matches[Int($0)] }
        if matches.isEmpty, byNameShown {
            // Every account in name order: each one's row is its name rank (shared, not copied).
            rowOfPosition = nameRank
            return
        }
        rowOfPosition = [Int32](repeating: -1, count: accounts.count)
        for (row, position) in order.enumerated() { rowOfPosition[Int(position)] = Int32(truncatingIfNeeded: row) }
    }
}
