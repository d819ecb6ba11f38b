import FoundationEssentials
import Glibc
import TOMLParser
import PlatformSupport

/// Reads `config.toml` (see `ConfigLocation` for which file) into a `TokenmanConfig`.
/// Strict on purpose: unknown keys, duplicate names, two secret sources, bad URLs and bad
/// durations are errors that name the file, line and field, because a silently ignored typo
/// in a secret source is a login that mysteriously asks for a password.
public struct ConfigLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessEnvironment.variables) {
        self.environment = environment
    }

    /// A missing file is an empty config unless the person named it (`--config`, `TOKENMAN_CONFIG`).
    public func load(explicitPath: String? = nil) throws(ConfigError) -> TokenmanConfig {
        let location = ConfigLocation.resolve(explicitPath: explicitPath, environment: environment)
        let shown = ConfigLocation.display(location.path, environment: environment)
        guard let bytes = try ConfigFileReader.read(path: location.path, shown: shown) else {
            if !location.isExplicit { return TokenmanConfig(path: location.path) }
            throw ConfigError(path: shown, message: "no such file")
        }
        // Each `[[accounts]]` block is decoded as soon as it is parsed and its tree dropped: with
        // many accounts, the tree of every block held at once was most of the load's memory.
        let streamed = AccountBlockSequence(
            decoder: AccountBlockDecoder(catalog: ProviderCatalog(custom: []), home: environment["HOME"]), path: shown)
        streamed.reserveCapacity(Self.linesStartingArrayHeaders(in: bytes))
        var config: TokenmanConfig
        let document = try Self.tree(bytes, shown: shown, streamingTo: streamed)
        if document["providers"] == nil {
            config = try decode(document, displayPath: shown, streamed: streamed)
        } else {
            // The blocks were decoded against the built-in providers only, and custom ones may
            // come after them: decode the whole tree instead (such a config is small).
            config = try decode(try Self.tree(bytes, shown: shown), displayPath: shown)
        }
        config.path = location.path
        return config
    }

    /// How many lines start with `[[` (every `[[accounts]]` block written by tokenman or by hand
    /// in the usual way does): a capacity hint, so it need not be exact.
    static func linesStartingArrayHeaders(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "[")), buffer.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "["), index == 0 || buffer[index - 1] == UInt8(ascii: "\n") {
                    count += 1
                }
                offset = index + 1
            }
            return count
        }
    }

    private static func tree(_ bytes: [UInt8], shown: String, streamingTo streamed: AccountBlockSequence? = nil) throws(ConfigError) -> TOMLTable {
        do {
            if let streamed { return try TOML.parse(utf8: bytes, streamingElementsOf: "accounts", to: streamed.add) }
            return try TOML.parse(utf8: bytes)
        } catch {
            throw ConfigError(path: shown, line: error.line, column: error.column, message: error.message)
        }
    }

    /// Parses config text; `displayPath` is used in error messages only.
    public func parse(_ text: String, displayPath: String) throws(ConfigError) -> TokenmanConfig {
        let document: TOMLTable
        do {
            document = try TOML.parse(text)
        } catch {
            throw ConfigError(path: displayPath, line: error.line, column: error.column, message: error.message)
        }
        return try decode(document, displayPath: displayPath)
    }

    /// The config a parsed document declares.
    /// - Parameter streamed: the blocks already decoded while parsing (see `AccountBlockSequence`).
    func decode(_ document: TOMLTable, displayPath: String, streamed: AccountBlockSequence? = nil) throws(ConfigError) -> TokenmanConfig {
        let top = ConfigTableReader(table: document, prefix: "", path: displayPath)
        try top.rejectUnknownKeys(allowed: ["settings", "providers", "accounts"]) { key in
            TokenmanSettingsDecoder.keys.contains(key) ? "settings go in a [settings] table" : nil
        }
        var config = TokenmanConfig()
        if let settings = try top.table("settings") {
            config.settings = try TokenmanSettingsDecoder(home: environment["HOME"]).decode(
                ConfigTableReader(table: settings, prefix: "settings", path: displayPath)
            )
        }
        if let providers = try top.table("providers") {
            for id in providers.keys {
                let reader = ConfigTableReader(table: providers, prefix: "providers", path: displayPath)
                guard let block = try reader.table(id) else { continue }
                config.providers.append(try ProviderBlockDecoder().decode(
                    id: id, ConfigTableReader(table: block, prefix: "providers.\(id)", path: displayPath)
                ))
            }
        }
        let sequence = streamed ?? AccountBlockSequence(
            decoder: AccountBlockDecoder(catalog: config.catalog, home: environment["HOME"]), path: displayPath)
        config.accounts = try accounts(document, top: top, sequence: sequence)
        return config
    }

    /// The blocks `sequence` decoded while parsing, then those left in the tree.
    private func accounts(_ document: TOMLTable, top: ConfigTableReader, sequence: AccountBlockSequence) throws(ConfigError) -> [AccountConfig] {
        if let failure = sequence.failure { throw failure }
        guard let value = document["accounts"] else { return sequence.accounts }
        guard let blocks = value.arrayValue else {
            throw top.error("accounts", "expected [[accounts]] blocks, found \(value.typeName)")
        }
        for block in blocks {
            try sequence.append(block, line: document.line(of: "accounts"))
        }
        return sequence.accounts
    }
}

/// Decodes the `[settings]` table.
struct TokenmanSettingsDecoder {
    static let keys = ["refresh_lead", "clipboard_clear_seconds", "theme", "http_timeout", "ca_file", "mouse"]
    var home: String?

    func decode(_ reader: ConfigTableReader) throws(ConfigError) -> TokenmanSettings {
        try reader.rejectUnknownKeys(allowed: Self.keys)
        var settings = TokenmanSettings()
        if let lead = try reader.duration("refresh_lead") { settings.refreshLead = lead }
        if let seconds = try reader.integer("clipboard_clear_seconds", maximum: 86_400) { settings.clipboardClearSeconds = seconds }
        if let theme = try reader.string("theme") { settings.theme = theme }
        // 1 ms is libcurl's resolution; anything shorter would round to its "no timeout".
        if let timeout = try reader.duration("http_timeout", minimum: 0.001, maximum: 86_400) { settings.httpTimeout = timeout }
        settings.caFile = try reader.filePath("ca_file", home: home)
        if let mouse = try reader.bool("mouse") { settings.mouse = mouse }
        return settings
    }
}
