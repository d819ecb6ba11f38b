import FoundationEssentials
import PlatformSupport
import TOMLParser

/// Adds, replaces and deletes `[[accounts]]` blocks for the TUI's account form, editing the
/// file as text so comments and every other block stay exactly as the person wrote them.
/// The result is checked with `ConfigLoader` before it is written (atomically, mode 0600), so
/// the form can never leave a config tokenman itself cannot read.
///
/// A replaced block is regenerated: comments inside that one block are not kept.
public struct ConfigWriter: Sendable {
    public var path: String
    public var environment: [String: String]

    public init(path: String, environment: [String: String] = ProcessEnvironment.variables) {
        self.path = path
        self.environment = environment
    }

    /// Appends a block for `account` (creating the file and its directory when needed).
    @discardableResult
    public func add(_ account: AccountConfig) throws(ConfigError) -> TokenmanConfig {
        let text = try currentText()
        var updated = text
        if !updated.isEmpty && !updated.hasSuffix("\n") { updated += "\n" }
        if !updated.isEmpty { updated += "\n" }
        // A new account's declared fields take the documented shape: keys of the block.
        updated += AccountBlockRenderer.render(account, topLevelFields: try declaredFields(of: account, in: text))
        return try write(updated)
    }

    /// Replaces the block of the account called `name` (which may be renamed by `account`).
    @discardableResult
    public func replace(account name: String, with account: AccountConfig) throws(ConfigError) -> TokenmanConfig {
        let text = try currentText()
        let range = try blockLines(of: name, in: text)
        var lines = Self.lines(text)
        // Declared fields keep the shape the person gave them: those they put in
        // `fields = { … }` stay there, the others are keys of the block.
        let inTable = Set(try block(of: name, in: text).table("fields")?.keys ?? [])
        let topLevel = try declaredFields(of: account, in: text).filter { !inTable.contains($0) }
        let rendered = Self.lines(AccountBlockRenderer.render(account, topLevelFields: topLevel)).dropLast()
        lines.replaceSubrange(range, with: rendered)
        return try write(lines.joined(separator: "\n"))
    }

    @discardableResult
    public func delete(account name: String) throws(ConfigError) -> TokenmanConfig {
        let text = try currentText()
        let range = try blockLines(of: name, in: text)
        var lines = Self.lines(text)
        var removal = range
        // Also drop the blank line that separated the block from the previous one.
        if removal.lowerBound > 0, lines[removal.lowerBound - 1].trimmedWhitespace().isEmpty {
            removal = (removal.lowerBound - 1)..<removal.upperBound
        }
        lines.removeSubrange(removal)
        return try write(lines.joined(separator: "\n"))
    }

    // MARK: - Text

    private var shownPath: String { ConfigLocation.display(path, environment: environment) }

    private func currentText() throws(ConfigError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(path: shownPath, message: "cannot read the file")
        }
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// 0-based line range of the account's block: from its `[[accounts]]` header up to the next
    /// table header, leaving trailing blank and comment lines to the block that follows (they
    /// usually describe it).
    private func blockLines(of name: String, in text: String) throws(ConfigError) -> Range<Int> {
        let document = try parse(text)
        let block = try block(of: name, in: text)
        let lines = Self.lines(text)
        let headerLines = Set(Self.tableHeaderLines(document))
        let start = block.line - 1
        var end = lines.count
        for index in (start + 1)..<max(lines.count, start + 1) where headerLines.contains(index + 1) && Self.looksLikeHeader(lines[index]) {
            end = index
            break
        }
        while end > start + 1 {
            let trimmed = lines[end - 1].trimmedWhitespace()
            guard trimmed.isEmpty || trimmed.hasPrefix("#") else { break }
            end -= 1
        }
        return start..<end
    }

    private func parse(_ text: String) throws(ConfigError) -> TOMLTable {
        do { return try TOML.parse(text) } catch {
            throw ConfigError(path: shownPath, line: error.line, column: error.column, message: error.message)
        }
    }

    /// The `[[accounts]]` table of the account called `name`.
    private func block(of name: String, in text: String) throws(ConfigError) -> TOMLTable {
        let blocks = try parse(text).array("accounts")?.compactMap(\.tableValue) ?? []
        guard let block = blocks.first(where: { $0.string("name") == name }), block.line > 0 else {
            throw ConfigError(path: shownPath, field: "accounts", message: "no account named \"\(name)\"")
        }
        return block
    }

    /// The fields of `account` its provider declares, in the provider's order (the provider
    /// may be one the file itself defines).
    private func declaredFields(of account: AccountConfig, in text: String) throws(ConfigError) -> [String] {
        let catalog = text.isEmpty ? ProviderCatalog() : try ConfigLoader(environment: environment).parse(text, displayPath: shownPath).catalog
        let declared = catalog.definition(id: account.providerID)?.accountFields.map(\.id) ?? []
        return declared.filter { account.fields[$0] != nil }
    }

    /// Header lines of every table the parser saw (inline tables report their key's line too,
    /// hence the extra text check in `looksLikeHeader`).
    private static func tableHeaderLines(_ table: TOMLTable) -> [Int] {
        var result: [Int] = []
        for key in table.keys {
            switch table[key] {
            case .table(let nested)?:
                result.append(nested.line)
                result += tableHeaderLines(nested)
            case .array(let items)?:
                for case .table(let nested) in items {
                    result.append(nested.line)
                    result += tableHeaderLines(nested)
                }
            default:
                break
            }
        }
        return result
    }

    private static func looksLikeHeader(_ line: String) -> Bool {
        line.trimmedWhitespace().hasPrefix("[")
    }

    private func write(_ text: String) throws(ConfigError) -> TokenmanConfig {
        var config = try ConfigLoader(environment: environment).parse(text, displayPath: shownPath)
        config.path = path
        let directory = PathText.deletingLastComponent(path)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try AtomicFileWriter.write(Data(text.utf8), to: path, mode: 0o600)
        } catch let error as TokenStoreError {
            throw ConfigError(path: shownPath, message: error.description)
        } catch {
            throw ConfigError(path: shownPath, message: "cannot create \(directory)")
        }
        return config
    }
}
