import Testing
import TOMLParser

@Suite("tokenman files")
struct ConfigFileTests {
    static let config = """
        # tokenman config
        [settings]
        refresh_lead = "2m"
        clipboard_clear_seconds = 45
        theme = "dark"

        [providers.acme]
        display_name = "Acme Auth"
        login_path = "/v2/login"
        password_transform = "plain"

        [[accounts]]
        name = "prod-wme"
        provider = "wikimedia"
        username = "alice"
        password_command = "pass show work/wme"

        [[accounts]]
        name = "gpu"
        provider = "exabits"
        base_url = "https://gpu-api.exabits.ai/api/v1/"
        username = "bob"
        password_env = "EXABITS_PASSWORD"
        fields = { subdomain = "shop", affiliate_id = "42" }
        """

    @Test func tokenmanConfig() throws {
        let root = try TOML.parse(Self.config)
        #expect(root.keys == ["settings", "providers", "accounts"])

        let settings = try #require(root.table("settings"))
        #expect(settings.line == 2)
        #expect(settings.string("refresh_lead") == "2m")
        #expect(settings.integer("clipboard_clear_seconds") == 45)
        #expect(settings.string("theme") == "dark")
        #expect(settings.line(of: "theme") == 5)

        // `[providers.acme]` creates `providers` implicitly on the same line.
        #expect(root.line(of: "providers") == 7)
        let acme = try #require(root.table("providers")?.table("acme"))
        #expect(acme.line == 7)
        #expect(acme.keys == ["display_name", "login_path", "password_transform"])
        #expect(acme.string("display_name") == "Acme Auth")
        #expect(acme.string("login_path") == "/v2/login")
        #expect(acme.line(of: "password_transform") == 10)

        let accounts = try #require(root.tables("accounts"))
        #expect(accounts.count == 2)
        #expect(accounts.map(\.line) == [12, 18])
        #expect(accounts[0].string("name") == "prod-wme")
        #expect(accounts[0].string("password_command") == "pass show work/wme")
        #expect(accounts[0].line(of: "username") == 15)
        #expect(accounts[1].string("base_url") == "https://gpu-api.exabits.ai/api/v1/")
        #expect(accounts[1].string("password_env") == "EXABITS_PASSWORD")
        #expect(accounts[1].line(of: "fields") == 24)
        let fields = try #require(accounts[1].table("fields"))
        #expect(fields.keys == ["subdomain", "affiliate_id"])
        #expect(fields == TOMLTable(["subdomain": .string("shop"), "affiliate_id": .string("42")]))
        #expect(fields.line == 24)
    }

    @Test func configErrorNamesFileLineAndField() {
        let broken = Self.config.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 == "username = \"bob\"" ? "username = bob" : String($0) }
            .joined(separator: "\n")
        do {
            _ = try TOML.parse(broken)
            Issue.record("expected an error")
        } catch {
            #expect(error.described(inFile: "config.toml")
                == #"config.toml:22:12: invalid value 'bob' (strings must be quoted: "bob")"#)
        }
    }

    @Test func themeFile() throws {
        let theme = try TOML.parse("[colors]\ntext = \"white\"\naccent = \"#5fafff\"\n")
        let colors = try #require(theme.table("colors"))
        #expect(colors.line == 1)
        #expect(colors.keys == ["text", "accent"])
        #expect(colors.string("text") == "white")
        #expect(colors.string("accent") == "#5fafff")
        #expect(colors.line(of: "accent") == 3)
    }

    @Test func thousandLineFileParsesQuickly() throws {
        var document = "# generated\n[settings]\ntheme = \"dark\"\n"
        for index in 0..<166 {
            document += """
                [[accounts]]
                name = "account-\(index)"
                provider = "wikimedia"
                username = "user\(index)@example.org" # comment
                fields = { subdomain = "s\(index)", affiliate_id = "\(index)" }
                scopes = [ "read", "write", 0x\(index), \(index).5e1 ]

                """
        }
        let root = try TOML.parse(document)
        #expect(root.tables("accounts")?.count == 166)
        #expect(root.tables("accounts")?.last?.line == 3 + 165 * 6 + 1)

    }
}
