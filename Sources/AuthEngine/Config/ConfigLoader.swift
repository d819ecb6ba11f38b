import Foundation
import TOMLParser

/// Reads `config.toml` (see `ConfigLocation` for which file) into a `TokenmanConfig`.
/// Strict on purpose: unknown keys, duplicate names, two secret sources, bad URLs and bad
/// durations are errors that name the file, line and field, because a silently ignored typo
/// in a secret source is a login that mysteriously asks for a password.
public struct ConfigLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
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
        let document: TOMLTable
        do {
            document = try TOML.parse(utf8: bytes)
        } catch {
            throw ConfigError(path: shown, line: error.line, column: error.column, message: error.message)
        }
        var config = try decode(document, displayPath: shown)
        config.path = location.path
        return config
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
    func decode(_ document: TOMLTable, displayPath: String) throws(ConfigError) -> TokenmanConfig {
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
        config.accounts = try accounts(document, top: top, catalog: config.catalog, path: displayPath)
        return config
    }

    private func accounts(_ document: TOMLTable, top: ConfigTableReader, catalog: ProviderCatalog, path: String) throws(ConfigError) -> [AccountConfig] {
        guard let value = document["accounts"] else { return [] }
        guard let blocks = value.arrayValue else {
            throw top.error("accounts", "expected [[accounts]] blocks, found \(value.typeName)")
        }
        var accounts: [AccountConfig] = []
        var firstLine: [String: Int] = [:]
        for (index, block) in blocks.enumerated() {
            let prefix = "accounts[\(index + 1)]"
            guard let table = block.tableValue else {
                throw ConfigError(path: path, line: document.line(of: "accounts"), field: prefix, message: "expected a table")
            }
            let reader = ConfigTableReader(table: table, prefix: prefix, path: path)
            let account = try AccountBlockDecoder(catalog: catalog, home: environment["HOME"]).decode(reader)
            if let earlier = firstLine[account.name] {
                throw reader.error("name", "duplicate account name \"\(account.name)\" (first used at line \(earlier))")
            }
            firstLine[account.name] = table.line(of: "name") ?? table.line
            accounts.append(account)
        }
        return accounts
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
