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
    private let keep: (AccountConfig) -> Bool
    private(set) var accounts: [AccountConfig] = []
    /// The first block's error; blocks after it are not decoded.
    private(set) var failure: ConfigError?
    /// Blocks seen so far, for the `accounts[N]` of messages.
    private(set) var count = 0
    private var firstLine: [String: Int] = [:]
    /// The secret sources' texts seen so far: accounts naming the same variable or command
    /// share one copy of its text (100,000 accounts with one `password_env` held 100,000).
    private var secretTexts: Set<String> = []

    init(decoder: AccountBlockDecoder, path: String, keep: @escaping (AccountConfig) -> Bool = { _ in true }) {
        self.decoder = decoder
        self.path = path
        self.keep = keep
    }

    /// Room for `count` blocks, a hint (`ConfigLoader.load` counts the lines that start with
    /// `[[`): with many accounts, growing the list and the name index by doubling held two
    /// copies of them at once, a large part of the load's peak memory.
    func reserveCapacity(_ count: Int) {
        accounts.reserveCapacity(count)
        firstLine.reserveCapacity(count)
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
        // One hash of the name: on a duplicate the sequence stops, so the replaced line is moot.
        if let earlier = firstLine.updateValue(table.line(of: "name") ?? table.line, forKey: account.name) {
            throw reader.error("name", "duplicate account name \"\(account.name)\" (first used at line \(earlier))")
        }
        if keep(account) { accounts.append(sharingSecretText(account)) }
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
