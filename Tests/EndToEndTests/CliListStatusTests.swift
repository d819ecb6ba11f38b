import Foundation
import Testing

@Suite("tokenman list, status, providers", .endToEndSlot)
struct CliListStatusTests {
    static let listKeys: Set<String> = ["account", "provider", "username", "mode", "state", "access_expires_in", "refresh_expires_in"]

    @Test func listJSONHasStableKeysAndSecondsLeft() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "ss").status == 0)
        let result = try await fixture.tokenman("list", "--json")
        #expect(result.status == 0, "\(result)")
        let rows = try #require(try CliFixture.json(result) as? [[String: Any]])
        #expect(rows.map { $0["account"] as? String } == ["bc", "ex", "ss", "wm", "ss-prompt", "newbie"])
        for row in rows { #expect(Set(row.keys) == Self.listKeys) }
        let starship = try #require(rows.first { $0["account"] as? String == "ss" })
        #expect(starship["state"] as? String == "valid")
        #expect(starship["provider"] as? String == "starship")
        #expect(starship["mode"] as? String == "password")
        let accessLeft = try #require(starship["access_expires_in"] as? Int)
        #expect((3500...3600).contains(accessLeft))
        #expect(starship["refresh_expires_in"] is Int)
        let loggedOut = try #require(rows.first { $0["account"] as? String == "bc" })
        #expect(loggedOut["state"] as? String == "logged-out")
        #expect(loggedOut["access_expires_in"] is NSNull)
    }

    @Test func listTableShowsEveryAccount() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "wm").status == 0)
        let result = try await fixture.tokenman("list")
        #expect(result.status == 0)
        #expect(result.lines.first?.hasPrefix("ACCOUNT") == true)
        #expect(result.lines.count == 7)
        let wm = try #require(result.lines.first { $0.hasPrefix("wm ") })
        #expect(wm.contains("valid") && wm.contains("23h59m"))
    }

    @Test func statusJSONShape() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "wm").status == 0)
        let result = try await fixture.tokenman("status", "--json")
        #expect(result.status == 0, "\(result)")
        let top = try #require(try CliFixture.json(result) as? [String: Any])
        #expect(Set(top.keys) == ["config_path", "state_dir", "accounts"])
        #expect(top["config_path"] as? String == fixture.configPath)
        #expect(top["state_dir"] as? String == fixture.stateDirectory)
        let accounts = try #require(top["accounts"] as? [[String: Any]])
        #expect(accounts.count == 6)
        let statusKeys = Self.listKeys.union([
            "provider_name", "base_url", "secret_source", "access_expires_at", "access_expiry_source",
            "refresh_expires_at", "refresh_expiry_source", "has_refresh_token", "has_id_token", "obtained_at", "fields",
        ])
        for account in accounts { #expect(Set(account.keys) == statusKeys) }
        let wm = try #require(accounts.first { $0["account"] as? String == "wm" })
        #expect(wm["has_id_token"] as? Bool == true)
        #expect(wm["secret_source"] as? String == "env")
        #expect(wm["access_expiry_source"] as? String == "expires_in")
        #expect((wm["access_expires_at"] as? String)?.hasSuffix("Z") == true)
        let bc = try #require(accounts.first { $0["account"] as? String == "bc" })
        #expect(bc["fields"] as? [String: String] == ["affiliate_id": "A-1001", "subdomain": "shop"])
        #expect(bc["base_url"] as? String == fixture.url(.byteConnect))
        let one = try await fixture.tokenman("status", "wm", "--json")
        #expect((try CliFixture.json(one) as? [String: Any])?["accounts"].map { ($0 as? [Any])?.count } == 1)
    }

    @Test func providersJSONListsBuiltInsAndConfiguredOnes() async throws {
        let fixture = try CliFixture(extraConfig: """

            [providers.acme]
            display_name = "Acme Auth"
            base_url = "https://auth.acme.example"
            login_path = "session"
            refresh_path = "session/refresh"
            token_carriage = "bearer_with_refresh_header"
            refresh_header = "x-refresh"
            access_lifetime = "10m"
            """)
        let result = try await fixture.tokenman("providers", "--json")
        #expect(result.status == 0, "\(result)")
        let providers = try #require(try CliFixture.json(result) as? [[String: Any]])
        #expect(providers.map { $0["id"] as? String } == ["byteconnect", "exabits", "starship", "wikimedia", "cognito", "acme"])
        let acme = try #require(providers.last)
        #expect(acme["origin"] as? String == "config")
        #expect(acme["display_name"] as? String == "Acme Auth")
        #expect(acme["token_carriage"] as? String == "bearer_with_refresh_header")
        #expect(acme["can_refresh"] as? Bool == true)
        #expect(acme["access_lifetime"] as? Int == 600)
        let exabits = try #require(providers.first { $0["id"] as? String == "exabits" })
        #expect(exabits["password_transform"] as? String == "md5")
        #expect(exabits["can_refresh"] as? Bool == false)
        #expect(exabits["origin"] as? String == "built-in")
        let wikimedia = try #require(providers.first { $0["id"] as? String == "wikimedia" })
        #expect(wikimedia["password_reset"] as? Bool == true && wikimedia["new_password_challenge"] as? Bool == true)
        let table = try await fixture.tokenman("providers")
        #expect(table.lines.count == 7)  // a header and six providers
    }
}
