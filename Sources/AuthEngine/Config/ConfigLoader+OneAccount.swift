import TOMLParser

extension ConfigLoader {
    /// The config with only the account `name` in `accounts` (settings and providers as
    /// `load` reads them), for the cached `tokenman token` path, which needs one account of
    /// what may be many thousands. Every other `[[accounts]]` block is still parsed and decoded
    /// (an error in any block, or a duplicate name, makes `load` fail, and so this must not
    /// answer), but one block at a time, so no tree or list of every account is ever held.
    ///
    /// Nil whenever the answer might differ from `load`'s: any error, no such account, no file.
    /// The caller then runs the full `load`, which reports. A config with `[providers]` blocks
    /// is read whole (they may come after accounts that were decoded against the built-in ones).
    public func loadOneAccount(named name: String, explicitPath: String? = nil) -> TokenmanConfig? {
        let location = ConfigLocation.resolve(explicitPath: explicitPath, environment: environment)
        let shown = ConfigLocation.display(location.path, environment: environment)
        guard let bytes = try? ConfigFileReader.read(path: location.path, shown: shown),
              var config = parseOneAccount(named: name, utf8: bytes, displayPath: shown)
        else { return nil }
        config.path = location.path
        return config
    }

    /// `loadOneAccount` on bytes already read (tests compare it with `parse`).
    public func parseOneAccount(named name: String, utf8 bytes: [UInt8], displayPath: String) -> TokenmanConfig? {
        let blocks = StreamedAccountBlocks(
            wanted: name,
            decoder: AccountBlockDecoder(catalog: ProviderCatalog(custom: []), home: environment["HOME"]),
            path: displayPath
        )
        guard let document = try? TOML.parse(utf8: bytes, streamingElementsOf: "accounts", to: blocks.check) else { return nil }
        if document["providers"] != nil {
            // Custom providers may follow blocks that were decoded against the built-in ones:
            // read the whole file as `load` does (a config with its own providers is small).
            guard let whole = try? TOML.parse(utf8: bytes), var config = try? decode(whole, displayPath: displayPath),
                  let found = config.account(named: name) else { return nil }
            config.accounts = [found]
            return config
        }
        guard !blocks.failed,
              // The rest as `load` reads it: settings, the top-level keys, the blocks not streamed.
              var config = try? decode(document, displayPath: displayPath)
        else { return nil }
        for account in config.accounts {
            guard blocks.names.insert(account.name).inserted else { return nil }
            if account.name == name { blocks.found = account }
        }
        guard let found = blocks.found else { return nil }
        config.accounts = [found]
        return config
    }
}

/// What the streamed `[[accounts]]` blocks showed: whether each decoded, their names (for the
/// duplicate rule) and the wanted account. A class: the parser's sink outlives no call but is
/// stored while parsing.
private final class StreamedAccountBlocks {
    let wanted: String
    let decoder: AccountBlockDecoder
    let path: String
    var names = Set<String>()
    var found: AccountConfig?
    var failed = false
    private var count = 0

    init(wanted: String, decoder: AccountBlockDecoder, path: String) {
        self.wanted = wanted
        self.decoder = decoder
        self.path = path
    }

    func check(_ table: TOMLTable) {
        count += 1
        guard !failed else { return }
        let reader = ConfigTableReader(table: table, prefix: "accounts[\(count)]", path: path)
        guard let account = try? decoder.decode(reader), names.insert(account.name).inserted else {
            failed = true
            return
        }
        if account.name == wanted { found = account }
    }
}
