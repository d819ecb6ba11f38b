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

    /// `loadOneAccount` on bytes already read (tests compare it with `parse`): `load`'s decode
    /// keeping only the one account.
    public func parseOneAccount(named name: String, utf8 bytes: [UInt8], displayPath: String) -> TokenmanConfig? {
        let blocks = AccountBlockSequence(
            decoder: AccountBlockDecoder(catalog: ProviderCatalog(custom: []), home: environment["HOME"]),
            path: displayPath,
            keep: { $0.name == name }
        )
        guard let document = try? TOML.parse(utf8: bytes, streamingElementsOf: "accounts", to: blocks.add) else { return nil }
        let config: TokenmanConfig?
        if document["providers"] == nil {
            config = try? decode(document, displayPath: displayPath, streamed: blocks)
        } else {
            // Custom providers may follow blocks that were decoded against the built-in ones:
            // decode the whole tree, as `load` does (a config with its own providers is small).
            config = (try? TOML.parse(utf8: bytes)).flatMap { try? decode($0, displayPath: displayPath) }
        }
        guard var config, let found = config.account(named: name) else { return nil }
        config.accounts = [found]
        return config
    }
}
