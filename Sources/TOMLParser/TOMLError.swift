/// A syntax or structure error in a TOML document, with the 1-based position it was found at.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// 1-based, counted in Unicode scalars (a tab counts as one column).
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 7: expected '=' after key "name"`
    public var description: String {
        "line \(line), column \(column): \(message)"
    }

    /// The conventional compiler-style form naming the file: `config.toml:3:7: message`.
    public func described(inFile path: String) -> String {
        "\(path):\(line):\(column): \(message)"
    }
}
