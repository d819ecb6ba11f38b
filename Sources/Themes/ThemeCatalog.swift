import FoundationEssentials
import TOMLParser
import TerminalUI
import PlatformSupport

/// Finds themes by name: the user's theme directory first, then the themes compiled into the
/// binary (`BuiltInThemeSources`, generated from the repository's `themes/`), e.g.
///
/// ```swift
/// let catalog = ThemeCatalog(searchPath: ThemeCatalog.defaultSearchPath())
/// let theme = try catalog.theme(named: config.theme ?? "dark")
///     .honoringNoColor(environment: ProcessEnvironment.variables)
/// ```
///
/// A user's `$XDG_CONFIG_HOME/tokenman/themes/dark.toml` overrides the built-in `dark`. Nothing
/// is looked up next to the executable or in the current directory: a `themes/` folder in
/// whatever directory tokenman is started from must not restyle (or spoof) the UI.
public struct ThemeCatalog: Sendable {
    public var searchPath: [String]

    public init(searchPath: [String]) {
        self.searchPath = searchPath
    }

    /// The user's theme directory only: `$XDG_CONFIG_HOME/tokenman/themes`, else
    /// `~/.config/tokenman/themes`. Relative values are ignored, as the XDG spec says.
    public static func defaultSearchPath(environment: [String: String] = ProcessEnvironment.variables) -> [String] {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return [config + "/tokenman/themes"]
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return [home + "/.config/tokenman/themes"]
        }
        return []
    }

    /// Names of the themes compiled into the binary.
    public static var builtInNames: [String] { BuiltInThemeSources.files.keys.sorted() }

    /// Loads `<name>.toml` from the first directory that has it.
    public func theme(named name: String) throws(ThemeError) -> Theme {
        for directory in searchPath {
            let file = directory + "/" + name + ".toml"
            guard FileManager.default.fileExists(atPath: file) else { continue }
            return try ThemeCatalog.load(file: file)
        }
        if let source = BuiltInThemeSources.files[name] {
            return try ThemeParser.parse(source, defaultName: name, file: "(built-in theme \(name))")
        }
        switch name {
        case "dark": return .dark
        case "monochrome": return .monochrome
        default: throw .notFound(name: name, searched: searchPath)
        }
    }

    /// Names of all themes found on the search path (plus the built-ins), sorted.
    public func availableThemeNames() -> [String] {
        var names: Set<String> = Set(["dark", "monochrome"] + Self.builtInNames)
        for directory in searchPath {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".toml") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// Loads one theme file; the theme's default name is the file name without `.toml`.
    public static func load(file: String) throws(ThemeError) -> Theme {
        let data: Data
        switch ThemeFile.read(file) {
        case .success(let bytes): data = bytes
        case .failure(let reason): throw .unreadable(file: file, reason: reason.description)
        }
        let source: String
        do {
            source = try TOMLSource.decode(data)
        } catch {
            throw .syntax(file: file, line: error.line, column: error.column, message: error.message)
        }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return try ThemeParser.parse(source, defaultName: name, file: file)
    }
}
