/// Why a theme could not be loaded. `description` is a one-line message naming the file
/// and line, ready for the status bar or stderr: `dark.toml:12: unknown colour "blu" for accent`.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not valid TOML.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// Valid TOML but not a valid theme (unknown role or colour, wrong type).
    case invalid(file: String, line: Int?, message: String)
    /// No `<name>.toml` in any directory of the search path.
    case notFound(name: String, searched: [String])
    /// The file exists but could not be read.
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): \(message)"
        case .invalid(let file, let line, let message):
            return line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
        case .notFound(let name, let searched):
            return "theme \"\(name)\" not found (looked in: \(searched.joined(separator: ", ")))"
        case .unreadable(let file, let reason):
            return "\(file): \(reason)"
        }
    }
}
