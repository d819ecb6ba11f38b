import Foundation
import Testing
@testable import AuthEngine

@Suite struct ConfigLoaderTests {
    let parser = ConfigTextParser(displayPath: "~/.config/tokenman/config.toml")

    func parse(_ text: String) throws(ConfigError) -> TokenmanConfig {
        try parser.parse(text)
    }

    @Test func fullValidFile() throws {
        let config = try parse("""
        # tokenman config
        [settings]
        refresh_lead = "90s"
        clipboard_clear_seconds = 30
        theme = "light"
        http_timeout = "1m"

        [providers.acme]
        base_url = "https://auth.acme.test/api/"
        login_path = "session"
        refresh_path = "session/refresh"
        access_lifetime = "15m"

        [[accounts]]
        name = "shop"
        provider = "byteconnect"
        username = "alice"
        subdomain = "quinix"
        affiliate_id = "42"
        password_env = "SHOP_PASSWORD"

        [[accounts]]
        name = "gpu"
        provider = "exabits"
        base_url = "https://gpu-api.exascalelabs.ai/api/v1/"
        username = "alice@example.com"
        password_command = "pass show work/exabits"

        [[accounts]]
        name = "gpu-api"
        provider = "Exabits"
        api_token_env = "EXABITS_TOKEN"

        [[accounts]]
        name = "wiki"
        provider = "wikimedia"
        username = "alice"
        fields = { note = "prod" }

        [[accounts]]
        name = "acme"
        provider = "acme"
        username = "a"
        password_prompt = true
        """)
        #expect(config.settings.refreshLead == 90)
        #expect(config.settings.clipboardClearSeconds == 30)
        #expect(config.settings.theme == "light")
        #expect(config.settings.httpTimeout == 60)
        #expect(config.providers.map(\.id) == ["acme"])
        #expect(config.providers.first?.lifetimes.access == 900)
        #expect(config.providers.first?.canRefresh == true)
        #expect(config.accounts == [
            AccountConfig(name: "shop", providerID: "byteconnect", username: "alice", mode: .password(.environment("SHOP_PASSWORD")),
                          fields: ["subdomain": "quinix", "affiliate_id": "42"], line: 14),
            AccountConfig(name: "gpu", providerID: "exabits", baseURL: "https://gpu-api.exascalelabs.ai/api/v1/",
                          username: "alice@example.com", mode: .password(.command("pass show work/exabits")), line: 22),
            AccountConfig(name: "gpu-api", providerID: "exabits", mode: .apiToken(.environment("EXABITS_TOKEN")), line: 29),
            AccountConfig(name: "wiki", providerID: "wikimedia", username: "alice", fields: ["note": "prod"], line: 34),
            AccountConfig(name: "acme", providerID: "acme", username: "a", mode: .password(.prompt), line: 40),
        ])
    }

    @Test func defaultsWhenNothingIsSet() throws {
        let config = try parse("")
        #expect(config.settings == TokenmanSettings())
        #expect(config.settings.refreshLead == 120)
        #expect(config.settings.clipboardClearSeconds == 45)
        #expect(config.settings.theme == "dark")
        #expect(config.settings.httpTimeout == 15)
        #expect(config.accounts.isEmpty)
    }

    @Test func fieldsGivenInTheFieldsTableWorkForByteConnectToo() throws {
        let config = try parse("""
        [[accounts]]
        name = "shop"
        provider = "byteconnect"
        fields = { subdomain = "quinix", affiliate_id = "7" }
        """)
        #expect(config.accounts.first?.fields == ["subdomain": "quinix", "affiliate_id": "7"])
    }

    /// Every way a config is refused names the file, the line, the field and the reason.
    static let rejected: [RejectedConfig] = [
        RejectedConfig("unknown provider lists the known ones", """
        [providers.acme]
        base_url = "https://acme.test/"

        [[accounts]]
        name = "a"
        provider = "starship"

        [[accounts]]
        name = "b"
        provider = "wikimedai"
        """, #"~/.config/tokenman/config.toml:10: accounts[2].provider: unknown provider "wikimedai" (known: byteconnect, exabits, starship, wikimedia, cognito, acme)"#),
        RejectedConfig("syntax errors carry line and column", "[[accounts]]\nname = \"a\nprovider = \"x\"\n",
                       "~/.config/tokenman/config.toml:2:8: unterminated string: missing closing '\"' before end of line"),
        RejectedConfig("unknown key", account(extra: "usrname = \"alice\""),
                       "~/.config/tokenman/config.toml:4: accounts[1].usrname: unknown key (expected one of: name, provider, base_url, username, fields, ca_file, password_prompt, password_env, password_command, api_token_env, api_token_command)"),
        RejectedConfig("settings outside the settings table are named", "theme = \"dark\"\n",
                       "~/.config/tokenman/config.toml:1: theme: unknown key (settings go in a [settings] table)"),
        RejectedConfig("a password in the file", account(extra: "password = \"hunter2\""),
                       "~/.config/tokenman/config.toml:4: accounts[1].password: passwords are never read from the config file; use password_env = \"VAR\" or password_command = \"pass show ...\""),
        RejectedConfig("duplicate account names", """
        [[accounts]]
        name = "work"
        provider = "starship"

        [[accounts]]
        name = "work"
        provider = "exabits"
        """, "~/.config/tokenman/config.toml:6: accounts[2].name: duplicate account name \"work\" (first used at line 2)"),
        RejectedConfig("two secret sources", account(extra: "password_env = \"A\"\npassword_command = \"pass a\""),
                       "~/.config/tokenman/config.toml:5: accounts[1].password_command: two secret sources (password_env and password_command); keep exactly one"),
        RejectedConfig("a URL without a scheme", account(extra: "base_url = \"api.example.com/v1\""),
                       "~/.config/tokenman/config.toml:4: accounts[1].base_url: invalid URL \"api.example.com/v1\" (expected https://host/...)"),
        RejectedConfig("a duration in words", "[settings]\nrefresh_lead = \"2 minutes\"\n",
                       "~/.config/tokenman/config.toml:2: settings.refresh_lead: invalid duration \"2 minutes\" (use e.g. \"90s\", \"2m\", \"1h\")"),
        RejectedConfig("a missing name", "[[accounts]]\nprovider = \"starship\"\n",
                       "~/.config/tokenman/config.toml:1: accounts[1]: missing required key \"name\""),
        RejectedConfig("an empty name", "[[accounts]]\nname = \"\"\nprovider = \"starship\"\n",
                       "~/.config/tokenman/config.toml:2: accounts[1].name: must not be empty"),
        RejectedConfig("ByteConnect fields on other providers", account(extra: "subdomain = \"x\""),
                       "~/.config/tokenman/config.toml:4: accounts[1].subdomain: unknown key (only ByteConnect accounts have subdomain; put other fields in fields = { ... })"),
        RejectedConfig("a string where an integer belongs", "[settings]\nclipboard_clear_seconds = \"45\"\n",
                       "~/.config/tokenman/config.toml:2: settings.clipboard_clear_seconds: expected an integer, found string"),
    ]

    /// A Starship account "a" (lines 1-3) followed by `extra` from line 4.
    static func account(extra: String) -> String {
        "[[accounts]]\nname = \"a\"\nprovider = \"starship\"\n\(extra)\n"
    }

    @Test(arguments: rejected)
    func refusedConfigNamesWhereAndWhy(_ config: RejectedConfig) {
        parser.expectError(config.text, config.message)
    }

    /// A port too long for an Int was read as 0 and passed, and so did non-ASCII digits.
    @Test(arguments: ["99999999999999999999", "\u{663}", "65536", "8o80"])
    func badPortInURL(_ port: String) {
        parser.expectError(Self.account(extra: "base_url = \"https://api.example.com:\(port)/v1\""),
                           "~/.config/tokenman/config.toml:4: accounts[1].base_url: invalid URL \"https://api.example.com:\(port)/v1\" (expected https://host/...)")
    }

    @Test func portInURL() throws {
        let config = try parser.parse(Self.account(extra: "base_url = \"https://[::1]:8443/v1\""))
        #expect(config.accounts.first?.baseURL == "https://[::1]:8443/v1")
    }

    @Test func durationsParse() {
        #expect(DurationParser.seconds("90s") == 90)
        #expect(DurationParser.seconds("2m") == 120)
        #expect(DurationParser.seconds("1h30m") == 5400)
        #expect(DurationParser.seconds("500ms") == 0.5)
        #expect(DurationParser.seconds("45") == 45)
        #expect(DurationParser.seconds("2 m") == nil)
        #expect(DurationParser.seconds("m") == nil)
        #expect(DurationParser.seconds("3y") == nil)
    }

    // MARK: - Locating the file

    @Test func locationPrecedenceFlagThenEnvironmentThenXDG() {
        let environment = ["HOME": "/home/alice", "XDG_CONFIG_HOME": "/xdg", "TOKENMAN_CONFIG": "/env/c.toml"]
        #expect(ConfigLocation.resolve(explicitPath: "/flag/c.toml", environment: environment)
                == ConfigLocation(path: "/flag/c.toml", isExplicit: true))
        #expect(ConfigLocation.resolve(explicitPath: nil, environment: environment)
                == ConfigLocation(path: "/env/c.toml", isExplicit: true))
        #expect(ConfigLocation.resolve(explicitPath: nil, environment: ["HOME": "/home/alice", "XDG_CONFIG_HOME": "/xdg"])
                == ConfigLocation(path: "/xdg/tokenman/config.toml", isExplicit: false))
        #expect(ConfigLocation.resolve(explicitPath: nil, environment: ["HOME": "/home/alice", "XDG_CONFIG_HOME": "relative"])
                == ConfigLocation(path: "/home/alice/.config/tokenman/config.toml", isExplicit: false))
        #expect(ConfigLocation.resolve(explicitPath: "~/c.toml", environment: ["HOME": "/home/alice"]).path == "/home/alice/c.toml")
    }

    @Test func missingDefaultFileIsAnEmptyConfigButAMissingExplicitFileIsAnError() throws {
        let scratch = ScratchDirectory()
        let loader = ConfigLoader(environment: ["HOME": scratch.path])
        #expect(try loader.load().accounts.isEmpty)
        #expect(throws: ConfigError(path: "~/nope.toml", message: "no such file")) {
            try loader.load(explicitPath: "~/nope.toml")
        }
        let viaEnvironment = ConfigLoader(environment: ["HOME": scratch.path, "TOKENMAN_CONFIG": scratch.file("gone.toml")])
        #expect(throws: ConfigError(path: "~/gone.toml", message: "no such file")) { try viaEnvironment.load() }
    }

    @Test func loadsTheXDGFileAndNamesItWithATilde() throws {
        let scratch = ScratchDirectory()
        let directory = scratch.file(".config/tokenman")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("[[accounts]]\nname = \"a\"\nprovider = \"nope\"\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/config.toml"))
        let loader = ConfigLoader(environment: ["HOME": scratch.path])
        #expect(throws: ConfigError(path: "~/.config/tokenman/config.toml", line: 3, field: "accounts[1].provider",
                                    message: "unknown provider \"nope\" (known: byteconnect, exabits, starship, wikimedia, cognito)")) {
            try loader.load()
        }
    }
}
