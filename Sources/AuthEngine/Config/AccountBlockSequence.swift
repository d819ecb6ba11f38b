import TOMLParser

/// The `[[accounts]]` blocks decoded in file order under the duplicate-name rule, stopping at
/// the first error as a decode of the whole list would. `ConfigLoader.load` feeds it each block
/// as the parser streams it (so the tree of every block is never held at once), then the blocks
/// left in the tree; the error, if any, is thrown only where the whole-list decode would have
/// thrown it (after the settings and providers are checked).
final class AccountBlockSequence {
    private let decoder: AccountBlockDecoder
    private let path: String
    /// Which decoded accounts to keep: all for `load`, one for `loadOneAccount` (every block is
    /// still decoded and its name still counts for the duplicate rule).
    private let keep: ((AccountConfig) -> Bool)?
    private(set) var accounts: [AccountConfig] = []
    /// The first block's error; blocks after it are not decoded.
    private(set) var failure: ConfigError?
    /// Blocks seen so far, for the `accounts[N]` of messages.
    private(set) var count = 0
    private var names: DuplicateNames
    /// The secret sources' texts seen so far: accounts naming the same variable or command
    /// share one copy of its text (100,000 accounts with one `password_env` held 100,000).
    private var secretTexts: Set<String> = []

    /// `keep`: nil keeps every account.
    init(decoder: AccountBlockDecoder, path: String, keep: ((AccountConfig) -> Bool)? = nil) {
        self.decoder = decoder
        self.path = path
        self.keep = keep
        names = keep == nil ? .hashes([], nameLines: []) : .lines([:])
    }

    /// Room for `count` blocks, a hint (`ConfigLoader.load` counts the lines that start with
    /// `[[`): with many accounts, growing the list and the name index by doubling held two
    /// copies of them at once, a large part of the load's peak memory.
    func reserveCapacity(_ count: Int) {
        accounts.reserveCapacity(count)
        names.reserveCapacity(count)
    }

    /// The parser's sink: decodes the block now and keeps any error for later.
    func add(_ table: TOMLTable) {
        count += 1
        guard failure == nil else { return }
        do {
            try decode(table)
        } catch {
            failure = error
        }
    }

    /// The next block, throwing its error at once; `line` is the `accounts` key's line, for an
    /// element that is not a table.
    func append(_ value: TOMLValue, line: Int?) throws(ConfigError) {
        count += 1
        guard let table = value.tableValue else {
            throw ConfigError(path: path, line: line, field: "accounts[\(count)]", message: "expected a table")
        }
        try decode(table)
    }

    /// Decodes block number `count`.
    private func decode(_ table: TOMLTable) throws(ConfigError) {
        let reader = ConfigTableReader(table: table, element: count, of: "accounts", path: path)
        let account = try decoder.decode(reader)
        let line = table.line(of: "name") ?? table.line
        if let earlier = names.insert(account.name, line: line, kept: accounts) {
            throw reader.error("name", "duplicate account name \"\(account.name)\" (first used at line \(earlier))")
        }
        if keep?(account) ?? true { accounts.append(sharingSecretText(account)) }
    }

    private func sharingSecretText(_ account: AccountConfig) -> AccountConfig {
        var account = account
        switch account.mode {
        case .password(.environment(let text)): account.mode = .password(.environment(shared(text)))
        case .password(.command(let text)): account.mode = .password(.command(shared(text)))
        case .apiToken(.environment(let text)): account.mode = .apiToken(.environment(shared(text)))
        case .apiToken(.command(let text)): account.mode = .apiToken(.command(shared(text)))
        case .password(.prompt), .apiToken(.prompt): break
        }
        return account
    }

    private func shared(_ text: String) -> String {
        secretTexts.insert(text).memberAfterInsert
    }
}

/// The names seen so far, for the duplicate rule.
private enum DuplicateNames {
    /// Every account is kept: their names are in the list already, so only each name's hash
    /// is kept here (8 bytes a block instead of a dictionary entry of the name and its line,
    /// 6 MB of `tokenman list`'s 100,000-account peak), with the line of each block's name.
    /// A hash seen before is checked against the kept names: exact whatever collides.
    case hashes(Set<Int>, nameLines: [Int32])
    /// Only some accounts are kept (`loadOneAccount`): the names themselves, with their lines.
    case lines([String: Int])

    mutating func reserveCapacity(_ count: Int) {
        switch self {
        case .hashes(var hashes, var lines):
            self = .lines([:])
            hashes.reserveCapacity(count)
            lines.reserveCapacity(count)
            self = .hashes(hashes, nameLines: lines)
        case .lines(var lines):
            self = .lines([:])
            lines.reserveCapacity(count)
            self = .lines(lines)
        }
    }

    /// Records `name` (its key on `line`); the line of its first use when it was seen before.
    /// `kept`: the accounts kept so far, all of them in the `hashes` case.
    mutating func insert(_ name: String, line: Int, kept: [AccountConfig]) -> Int? {
        switch self {
        case .hashes(var hashes, var lines):
            self = .lines([:])
            defer { self = .hashes(hashes, nameLines: lines) }
            if !hashes.insert(name.hashValue).inserted, let earlier = kept.firstIndex(where: { $0.name == name }) {
                // `lines` has an entry for each kept account; 0 would only say the list broke that.
                return lines.indices.contains(earlier) ? Int(lines[earlier]) : 0
            }
            lines.append(Int32(clamping: line))
            return nil
        case .lines(var lines):
            self = .lines([:])
            defer { self = .lines(lines) }
            // One hash of the name: on a duplicate the sequence stops, so the replaced line is moot.
            return lines.updateValue(line, forKey: name)
        }
    }
}
