/// A problem in the config file, pointing at the file, line and field:
/// `~/.config/tokenman/config.toml:14: accounts[2].provider: unknown provider "wikimedai" (...)`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// As shown to the person (the home directory abbreviated to `~`).
    public var path: String
    public var line: Int?
    /// Set for TOML syntax errors, which the parser locates to the character.
    public var column: Int?
    /// Dotted path of the offending field, e.g. `accounts[2].provider` (accounts counted from 1,
    /// as a person counts the `[[accounts]]` blocks in the file).
    public var field: String?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        if let field { return "\(location): \(field): \(message)" }
        return "\(location): \(message)"
    }
}
