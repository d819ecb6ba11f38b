import Foundation
import Testing
import TerminalUI
@testable import Themes

/// Theme files, the catalog that finds them and the themes compiled into the binary.
@Suite struct ThemeFileTests {
    /// The repository's themes/ directory, found from this source file.
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func shippedThemesLoad(name: String) throws {
        let theme = try ThemeCatalog(searchPath: [ThemeFileTests.themesDirectory]).theme(named: name)
        #expect(theme.name == name)
        #expect(theme.styles.count == Role.allCases.count)
        // Selection must stand out on every theme.
        let selection = theme.style(for: .selection)
        #expect(selection.background != .terminalDefault || selection.attributes.contains(.reverse))
    }

    @Test func darkFileMatchesEmbeddedDefault() throws {
        let file = try ThemeCatalog.load(file: ThemeFileTests.themesDirectory + "/dark.toml")
        #expect(file == Theme.dark)
    }

    @Test func monochromeFileMatchesBuiltIn() throws {
        let file = try ThemeCatalog.load(file: ThemeFileTests.themesDirectory + "/monochrome.toml")
        #expect(file == Theme.monochrome)
        #expect(file.isMonochrome)
    }

    @Test func builtInsWorkWithoutThemesDirectory() throws {
        let catalog = ThemeCatalog(searchPath: ["/nonexistent"])
        #expect(try catalog.theme(named: "dark") == .dark)
        #expect(try catalog.theme(named: "light").name == "light")
        #expect(throws: ThemeError.self) { try catalog.theme(named: "no-such-theme") }
    }

    @Test func unknownColourErrorNamesFileAndLine() {
        let source = """
        name = "broken"
        [colors]
        text = "white"
        accent = "blu"
        """
        #expect {
            _ = try ThemeParser.parse(source, defaultName: "broken", file: "broken.toml")
        } throws: { error in
            guard let error = error as? ThemeError, case .invalid(let file, let line, let message) = error else { return false }
            return file == "broken.toml" && line == 4 && message.contains("blu") && error.description.hasPrefix("broken.toml:4: ")
        }
    }

    @Test func unknownRoleAndAttributeAreErrors() {
        #expect(throws: ThemeError.self) {
            try ThemeParser.parse("[colors]\nselected = \"red\"\n", defaultName: "x", file: "x.toml")
        }
        #expect {
            try ThemeParser.parse("[colors.accent]\nfg = \"red\"\nblink = true\n", defaultName: "x", file: "x.toml")
        } throws: { error in
            (error as? ThemeError)?.description.hasPrefix("x.toml:3: ") == true
        }
        #expect(throws: ThemeError.self) {
            try ThemeParser.parse("[colors]\ntext = 300\n", defaultName: "x", file: "x.toml")
        }
    }

    @Test func syntaxErrorCarriesPosition() {
        #expect {
            try ThemeParser.parse("[colors]\ntext = \n", defaultName: "x", file: "x.toml")
        } throws: { error in
            guard case .syntax(let file, let line, _, _) = error as? ThemeError else { return false }
            return file == "x.toml" && line == 2
        }
    }

    @Test func missingRolesFallBackToMonochromeStyles() throws {
        let theme = try ThemeParser.parse("[colors]\ntext = \"white\"\n", defaultName: "partial", file: "p.toml")
        #expect(theme.name == "partial")
        #expect(theme.style(for: .text) == Style(foreground: .indexed(7)))
        #expect(theme.style(for: .selection) == Theme.monochrome.style(for: .selection))
    }

    @Test func searchPathPrefersEarlierDirectories() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tm-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = \"mine\"\n[colors]\ntext = \"red\"\n".write(to: dir.appendingPathComponent("dark.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(searchPath: [dir.path, ThemeFileTests.themesDirectory])
        #expect(try catalog.theme(named: "dark").name == "mine")
        #expect(try catalog.theme(named: "light").name == "light")
        #expect(catalog.availableThemeNames().contains("high-contrast"))
    }

    /// Only the user's XDG directory: nothing next to the executable or relative to the
    /// current directory (a relative XDG_CONFIG_HOME is ignored).
    @Test func defaultSearchPathIsTheUsersThemeDirectoryOnly() {
        #expect(ThemeCatalog.defaultSearchPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"]) == ["/cfg/tokenman/themes"])
        #expect(ThemeCatalog.defaultSearchPath(environment: ["HOME": "/home/u"]) == ["/home/u/.config/tokenman/themes"])
        #expect(ThemeCatalog.defaultSearchPath(environment: ["XDG_CONFIG_HOME": "themes", "HOME": "/home/u"]) == ["/home/u/.config/tokenman/themes"])
        #expect(ThemeCatalog.defaultSearchPath(environment: [:]).isEmpty)
    }

    /// The compiled-in copies are the files in themes/ (run themes/generate-builtin-themes.sh
    /// after editing a theme).
    @Test func embeddedThemesEqualTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ThemeFileTests.themesDirectory)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(ThemeCatalog.builtInNames == files)
        for name in files {
            let text = try String(contentsOfFile: ThemeFileTests.themesDirectory + "/\(name).toml", encoding: .utf8)
            let embedded = try #require(BuiltInThemeSources.files[name])
            #expect(embedded + "\n" == text, "\(name): run themes/generate-builtin-themes.sh")
        }
    }

    /// Every shipped theme is found with no directory at all on the search path.
    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func builtInThemesNeedNoDirectory(name: String) throws {
        let theme = try ThemeCatalog(searchPath: []).theme(named: name)
        #expect(theme == (try ThemeCatalog.load(file: ThemeFileTests.themesDirectory + "/\(name).toml")))
    }

    @Test func invalidUTF8InAThemeGivesLineAndColumn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tm-theme-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(Array("[colors]\ntext = \"re".utf8) + [0xFF] + Array("d\"\n".utf8)).write(to: file)
        #expect(throws: ThemeError.syntax(file: file.path, line: 2, column: 11, message: "invalid UTF-8 (the file must be UTF-8 text)")) {
            try ThemeCatalog.load(file: file.path)
        }
    }
}
