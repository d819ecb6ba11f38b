import AuthEngine
import FoundationEssentials

/// The account list's rows in display order, kept between frames and keys so that drawing a
/// frame or moving the cursor costs the rows on screen, not the number of accounts.
///
/// What is computed when (`n` accounts):
/// - config change (`rebuild`): name order (`NaturalNameOrder`, once), the filter's
///   lower-cased haystacks, name → config position;
/// - tokens change while sorted by expiry: the expiry order, for one account by moving it
///   (`tokenChanged(of:)`), else in full (`refreshTokens`); sorted by name, tokens only mark
///   the expiry order stale;
/// - filter or sort change: the shown order and row of each position, O(n) over integers
///   (a filter that extends the previous one searches only the previous matches).
///
/// Keys and frames only read: `count`, `account(atRow:)`, `row(of:)`, `account(named:)`.
struct AccountListRows: Sendable {
    typealias SortOrder = AccountListState.SortOrder

    /// The configured accounts, in config order (their index is their "position").
    private(set) var accounts: [AccountConfig] = []
    private var positionByName: [String: Int] = [:]
    /// Positions sorted by name, and each position's place in that order (the tie-break of
    /// the expiry order).
    private var byName: [Int] = []
    private var nameRank: [Int] = []
    private var haystacks = FilterHaystacks()

    /// Each position's expiry sort key and the positions in expiry order; empty when stale.
    private var expiryKeys: [ExpiryKey] = []
    private var byExpiry: [Int] = []
    /// Token changes not yet applied to the expiry order (the model counts them; O(1)).
    private(set) var pendingTokenChanges = 0

    private(set) var sortOrder = SortOrder.name
    /// The filter as matched (trimmed, lower-cased); empty: no filter.
    private(set) var filterText = ""
    private var needle: [UInt8] = []
    /// Per position, whether it matches the filter; empty when there is no filter.
    private var matches: [Bool] = []

    /// The positions shown, in order, and each position's row (-1: filtered out).
    private var order: [Int] = []
    private var rowOfPosition: [Int] = []

    // MARK: Reading

    var count: Int { order.count }
    var isFiltered: Bool { !needle.isEmpty }

    func account(atRow row: Int) -> AccountConfig? {
        order.indices.contains(row) ? accounts[order[row]] : nil
    }

    /// The row `name` is shown on, nil when it is filtered out or not configured.
    func row(of name: String) -> Int? {
        guard let position = positionByName[name], rowOfPosition.indices.contains(position) else { return nil }
        let row = rowOfPosition[position]
        return row >= 0 ? row : nil
    }

    func account(named name: String) -> AccountConfig? {
        positionByName[name].map { accounts[$0] }
    }

    /// The accounts shown, in order (tests; O(n)).
    var visibleAccounts: [AccountConfig] { order.map { accounts[$0] } }

    // MARK: Changes

    /// The config changed: everything is rebuilt.
    mutating func rebuild(accounts: [AccountConfig], catalog: ProviderCatalog, tokens: [String: TokenSet]) {
        self.accounts = accounts
        positionByName = Dictionary(accounts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        byName = Array(accounts.indices).sorted { NaturalNameOrder.precedes(accounts[$0].name, accounts[$1].name) }
        nameRank = [Int](repeating: 0, count: accounts.count)
        for (rank, position) in byName.enumerated() { nameRank[position] = rank }
        haystacks = FilterHaystacks(accounts: accounts, catalog: catalog)
        expiryKeys = []
        byExpiry = []
        if sortOrder == .expiry { buildExpiryOrder(tokens) }
        pendingTokenChanges = 0
        matches = needle.isEmpty ? [] : haystacks.matches(needle, among: accounts.indices)
        layOut()
    }

    /// Called by the model on every change of its tokens (cheap: applied by `refreshTokens`).
    mutating func noteTokensChanged() {
        pendingTokenChanges += 1
    }

    /// Applies pending token changes. `account`: the one account they were about, when the
    /// change is known to be that one (a renewal, a login): it is moved, not everything resorted.
    mutating func refreshTokens(_ tokens: [String: TokenSet], changedAccount account: String? = nil) {
        guard pendingTokenChanges > 0 else { return }
        defer { pendingTokenChanges = 0 }
        guard sortOrder == .expiry else {
            // Sorted by name, tokens do not move rows; the expiry order is rebuilt when asked for.
            expiryKeys = []
            byExpiry = []
            return
        }
        if pendingTokenChanges == 1, let account, let position = positionByName[account], !expiryKeys.isEmpty {
            move(position, to: ExpiryKey(tokens[account]))
        } else {
            buildExpiryOrder(tokens)
        }
        layOut()
    }

    mutating func sort(by order: SortOrder, tokens: [String: TokenSet]) {
        guard order != sortOrder else { return }
        sortOrder = order
        if order == .expiry, expiryKeys.isEmpty || pendingTokenChanges > 0 {
            buildExpiryOrder(tokens)
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
            matches = haystacks.matches(next, among: previous.indices.lazy.filter { previous[$0] })
        } else {
            matches = haystacks.matches(next, among: accounts.indices)
        }
        needle = next
        filterText = String(decoding: next, as: UTF8.self)
        layOut()
    }

    // MARK: Building

    private mutating func buildExpiryOrder(_ tokens: [String: TokenSet]) {
        expiryKeys = accounts.map { ExpiryKey(tokens[$0.name]) }
        byExpiry = Array(accounts.indices).sorted { before($0, $1) }
    }

    /// Soonest first; tokens without an expiry next; logged-out accounts last; then by name.
    private func before(_ a: Int, _ b: Int) -> Bool {
        let (ka, kb) = (expiryKeys[a], expiryKeys[b])
        if ka != kb { return ka < kb }
        return nameRank[a] < nameRank[b]
    }

    /// Moves one position to its place for a new key (binary search out and in).
    private mutating func move(_ position: Int, to key: ExpiryKey) {
        if let index = insertionIndex(of: position), index < byExpiry.count, byExpiry[index] == position {
            byExpiry.remove(at: index)
        } else {
            byExpiry.removeAll { $0 == position }
        }
        expiryKeys[position] = key
        byExpiry.insert(position, at: insertionIndex(of: position) ?? byExpiry.count)
    }

    /// Where `position` belongs in `byExpiry` by its current key (first index not before it).
    private func insertionIndex(of position: Int) -> Int? {
        var low = 0
        var high = byExpiry.count
        while low < high {
            let mid = (low + high) / 2
            if before(byExpiry[mid], position) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func layOut() {
        let base = sortOrder == .name || byExpiry.count != accounts.count ? byName : byExpiry
        order = matches.isEmpty ? base : base.filter { matches[$0] }
        rowOfPosition = [Int](repeating: -1, count: accounts.count)
        for (row, position) in order.enumerated() { rowOfPosition[position] = row }
    }
}
