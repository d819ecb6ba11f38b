import Foundation
import Testing
@testable import AuthEngine

/// `ConfigLoader.loadOneAccount`: the cached `token` path's read of one account. Where the whole
/// parse succeeds it gives that parse's account, settings and providers; wherever the whole
/// parse fails (in any block, before or after the asked one) it gives nil, so the full path runs
/// and reports.
@Suite struct ConfigOneAccountTests {
    let loader = ConfigLoader(environment: ["HOME": "/home/alice"])
    let shown = "~/.config/tokenman/config.toml"

    private func one(_ name: String, _ text: String) -> TokenmanConfig? {
        loader.parseOneAccount(named: name, utf8: Array(text.utf8), displayPath: shown)
    }

    private static let valid = """
        [settings]
        refresh_lead = "90s"
        theme = "light"

        [[accounts]]
        name = "shop"
        provider = "byteconnect"
        username = "alice"
        subdomain = "quinix"
        password_env = "SHOP_PASSWORD"

        [[accounts]]
        name = "gpu"
        provider = "exabits"
        api_token_env = "GPU_TOKEN"
        [accounts.fields]
        team = "ml"

        [[accounts]]
        name = "wiki"
        provider = "wikimedia"
        username = "Alice"
        """

    @Test func eachAccountIsTheOneTheWholeParseGives() throws {
        let whole = try loader.parse(Self.valid, displayPath: shown)
        #expect(whole.accounts.count == 3)
        for account in whole.accounts {
            let config = try #require(one(account.name, Self.valid))
            #expect(config.accounts == [account])
            #expect(config.settings == whole.settings)
            #expect(config.providers == whole.providers)
        }
        #expect(one("nope", Self.valid) == nil)
    }

    @Test func manyAccountsAnswerTheAskedOne() throws {
        var text = "[settings]\ntheme = \"dark\"\n"
        for index in 0..<3000 {
            text += "[[accounts]]\nname = \"acct-\(index)\"\nprovider = \"starship\"\nusername = \"u\(index)\"\npassword_env = \"P\"\n\n"
        }
        let whole = try loader.parse(text, displayPath: shown)
        for name in ["acct-0", "acct-1500", "acct-2999"] {
            #expect(one(name, text)?.accounts == [try #require(whole.account(named: name))])
        }
    }

    /// Errors in blocks other than the asked one, before it and after it (also the last block,
    /// which is not streamed), and errors outside the blocks.
    static let refused: [String] = [
        "[[accounts]]\nname = \"bad\"\nprovider = \"nowhere\"\n" + wanted,
        wanted + "[[accounts]]\nname = \"bad\"\nprovider = \"nowhere\"\n",
        wanted + "[[accounts]]\nname = \"bad\"\nprovider = \"starship\"\nusrname = \"x\"\n[[accounts]]\nname = \"z\"\nprovider = \"starship\"\n",
        wanted + "[[accounts]]\nname = \"w\"\nprovider = \"exabits\"\n",
        "[[accounts]]\nname = \"w\"\nprovider = \"exabits\"\n[[accounts]]\nname = \"x\"\nprovider = \"exabits\"\n" + wanted,
        wanted + "[[accounts]]\nname = \"x\"\nprovider = \"exabits\"\n[settings]\nrefresh_lead = \"2 minutes\"\n",
        wanted + "theme = \"dark\"\n",
        wanted + "[[accounts]]\nname = \"x\"\nprovider = \"exabits\"\n[accounts.fields]\nteam = 1\n",
        wanted + "[[accounts]]\nname = \"x\"\nprovider = \"exabits\"\n[[accounts]]\nname = \"y\n",
        wanted + "[[accounts]]\nname = \"x\"\nprovider = \"exabits\"\npassword = \"hunter2\"\n[[accounts]]\nname = \"y\"\nprovider = \"exabits\"\n",
    ]

    @Test(arguments: refused)
    func aConfigTheWholeParseRefusesGivesNil(_ text: String) {
        #expect(throws: ConfigError.self) { try loader.parse(text, displayPath: shown) }
        #expect(one("w", text) == nil)
    }

    private static let wanted = "[[accounts]]\nname = \"w\"\nprovider = \"starship\"\nusername = \"u\"\n\n"

    /// Custom providers may follow blocks that use them: such a config is read whole.
    @Test func customProvidersAfterTheBlocksThatUseThem() throws {
        let text = "[[accounts]]\nname = \"w\"\nprovider = \"acme\"\n\n[[accounts]]\nname = \"x\"\nprovider = \"starship\"\n"
            + "[providers.acme]\nbase_url = \"https://acme.test/\"\n"
        let whole = try loader.parse(text, displayPath: shown)
        let config = try #require(one("w", text))
        #expect(config.accounts == [try #require(whole.account(named: "w"))])
        #expect(config.providers == whole.providers)
        #expect(one("w", text + "[[accounts]]\nname = \"y\"\nprovider = \"nowhere\"\n") == nil)
    }

    @Test func loadsFromTheFileWithItsPath() throws {
        let scratch = ScratchDirectory()
        let path = scratch.file("config.toml")
        try Self.valid.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        let config = try #require(loader.loadOneAccount(named: "gpu", explicitPath: path))
        #expect(config.path == path)
        #expect(config.accounts.map(\.name) == ["gpu"])
        #expect(loader.loadOneAccount(named: "gpu", explicitPath: scratch.file("missing.toml")) == nil)
    }
}
