import Foundation

/// Finds themes by name along a search path, e.g.
///
/// ```swift
/// let catalog = ThemeCatalog(searchPath: ThemeCatalog.defaultSearchPath())
/// let theme = try catalog.theme(named: config.theme ?? "dark")
///     .honoringNoColor(environment: ProcessInfo.processInfo.environment)
/// ```
///
/// The first directory holding `<name>.toml` wins, so a user's copy in
/// `$XDG_CONFIG_HOME/tokenman/themes` overrides the shipped one. `"dark"` falls back to the
/// embedded `Theme.dark` and `"monochrome"` to `Theme.monochrome` when no file is found.
public struct ThemeCatalog: Sendable {
    public var searchPath: [String]

    public init(searchPath: [String]) {
        self.searchPath = searchPath
    }

    /// The conventional search path, most specific first:
    /// 1. `$XDG_CONFIG_HOME/tokenman/themes` (or `~/.config/tokenman/themes`),
    /// 2. `themes/` next to the executable and `../share/tokenman/themes` (installed layout),
    /// 3. `themes/` in the directories above the executable, so a development build in
    ///    `.build/<triple>/debug/` finds the repository's `themes/`.
    public static func defaultSearchPath(environment: [String: String] = ProcessInfo.processInfo.environment, executablePath: String? = CommandLine.arguments.first) -> [String] {
        var path: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            path.append(config + "/tokenman/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            path.append(home + "/.config/tokenman/themes")
        }
        if let executablePath, !executablePath.isEmpty {
            let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            var directory = executable.deletingLastPathComponent()
            path.append(directory.appendingPathComponent("themes").path)
            path.append(directory.appendingPathComponent("../share/tokenman/themes").standardizedFileURL.path)
            for _ in 0..<4 {
                directory = directory.deletingLastPathComponent()
                path.append(directory.appendingPathComponent("themes").path)
            }
        }
        return path
    }

    /// Loads `<name>.toml` from the first directory that has it.
    public func theme(named name: String) throws(ThemeError) -> Theme {
        for directory in searchPath {
            let file = directory + "/" + name + ".toml"
            guard FileManager.default.fileExists(atPath: file) else { continue }
            return try ThemeCatalog.load(file: file)
        }
        switch name {
        case "dark": return .dark
        case "monochrome": return .monochrome
        default: throw .notFound(name: name, searched: searchPath)
        }
    }

    /// Names of all themes found on the search path (plus the built-ins), sorted.
    public func availableThemeNames() -> [String] {
        var names: Set<String> = ["dark", "monochrome"]
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
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return try ThemeParser.parse(source, defaultName: name, file: file)
    }
}
