import Foundation
import Testing
@testable import AuthEngine

/// `ConfigLoader.load` decodes `[[accounts]]` blocks while the file is parsed
/// (`AccountBlockSequence`); it must give exactly what a decode of the whole tree gives
/// (`parse`): the same config, and for a refused file the same first error.
@Suite struct ConfigLoadStreamingTests {
    let loader = ConfigLoader(environment: ["HOME": "/home/alice"])

    private func expectLoadIsParse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scratch = ScratchDirectory()
        let path = scratch.file("config.toml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let loaded = Result { () throws(ConfigError) in try loader.load(explicitPath: path) }
        let parsed = Result { () throws(ConfigError) in
            var config = try loader.parse(text, displayPath: path)
            config.path = path
            return config
        }
        #expect(loaded == parsed, sourceLocation: sourceLocation)
    }

    static let block = "[[accounts]]\nname = \"a\"\nprovider = \"starship\"\n"

    @Test(arguments: ConfigLoaderTests.rejected.map(\.text) + [
        block + "[[accounts]]\nname = \"b\"\nprovider = \"nowhere\"\n[[accounts]]\nname = \"a\"\nprovider = \"starship\"\n",
        block + "[[accounts]]\nname = \"a\"\nprovider = \"exabits\"\n[[accounts]]\nname = \"c\"\nprovider = \"nowhere\"\n",
        block + "[[accounts]]\nname = \"b\"\nprovider = \"nowhere\"\n[[accounts]]\nname = \"c\"\nprovider = \"starship\"\n[settings]\nrefresh_lead = \"2 minutes\"\n",
        block + "[[accounts]]\nname = \"b\"\nprovider = \"nowhere\"\n[[accounts]]\nname = \"c\n",
        block + "[[accounts]]\nname = \"b\"\nprovider = \"nowhere\"\n[[accounts]]\nname = \"c\"\nprovider = \"starship\"\n[bogus]\n",
        block + "[[accounts]]\nname = \"b\"\nprovider = \"acme\"\n[[accounts]]\nname = \"c\"\nprovider = \"acme\"\n[providers.acme]\nbase_url = \"https://acme.test/\"\n",
        block + "[[accounts]]\nname = \"b\"\nprovider = \"exabits\"\n[accounts.fields]\nteam = \"ml\"\n[[accounts]]\nname = \"c\"\nprovider = \"wikimedia\"\n[settings]\ntheme = \"dark\"\n",
        "accounts = [{ name = \"a\", provider = \"starship\" }, 5]\n",
        "accounts = 5\n",
    ])
    func loadGivesWhatTheWholeTreeGives(_ text: String) throws {
        try expectLoadIsParse(text)
    }

    @Test func manyAccounts() throws {
        var text = "[settings]\ntheme = \"dark\"\n"
        for index in 0..<2000 {
            text += "[[accounts]]\nname = \"acct-\(index)\"\nprovider = \"exabits\"\nusername = \"u\(index)\"\npassword_env = \"P\"\n\n"
        }
        try expectLoadIsParse(text)
        try expectLoadIsParse(text + "[[accounts]]\nname = \"acct-7\"\nprovider = \"exabits\"\n")
    }

    /// The capacity hint for the accounts: lines that start with `[[`, nothing else.
    @Test func linesStartingArrayHeadersAreCounted() {
        let text = "[[accounts]]\nname = \"a\"\nx = [[1]]\n\n[[accounts]]\n  [[accounts]]\n[settings]\n[[providers.x]]"
        #expect(ConfigLoader.linesStartingArrayHeaders(in: Array(text.utf8)) == 3)
        #expect(ConfigLoader.linesStartingArrayHeaders(in: []) == 0)
        #expect(ConfigLoader.linesStartingArrayHeaders(in: Array("[".utf8)) == 0)
        #expect(ConfigLoader.linesStartingArrayHeaders(in: Array("\n[[".utf8)) == 1)
    }
}
