import Foundation
import ProviderSimulator
import Testing

@Suite struct ExabitsTests {
    /// MD5("demo-pass-2"), computed outside the simulator with md5sum.
    static let demoPasswordMD5 = "c9d598880c6869a199f0b46d64abcf44"

    static func login(_ fixture: SimulatorFixture) throws -> (access: String, refresh: String) {
        let response = try fixture.post(.exabits, "authenticate/login", #"{"username":"demo","password":"\#(demoPasswordMD5)"}"#)
        let data = response.json?["data"] as? [String: Any]
        return (data?["access_token"] as? String ?? "", data?["refresh_token"] as? String ?? "")
    }

    @Test func docsExampleRequestLogsIn() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.addUser(
            SimulatedUser(username: "username", password: "unknown", email: "email", exabitsPasswordHash: "176c72ecb4b1c786e832837cbb457b4c"),
            to: .exabits
        )
        let response = try fixture.post(.exabits, "authenticate/login", """
        {
            "username":"username",
            "password":"176c72ecb4b1c786e832837cbb457b4c"
        }
        """)
        #expect(response.status == 200)
        #expect(response.bool("status") == true)
        #expect(response.string("message") == "Login successful!")
        let data = try #require(response.json?["data"] as? [String: Any])
        #expect(data.keys.sorted() == ["access_token", "email", "refresh_token", "username"])
        #expect(data["username"] as? String == "username")
        #expect(data["email"] as? String == "email")
        #expect(jwtLifetime(data["access_token"] as? String) == 30 * 60)
        #expect(jwtLifetime(data["refresh_token"] as? String) == 2 * 3600)
    }

    @Test func md5OfTheDemoPasswordLogsIn() throws {
        let fixture = try SimulatorFixture()
        let tokens = try Self.login(fixture)
        #expect(jwtClaims(tokens.access)?["sub"] as? String == "demo")
    }

    @Test func wrongCredentialsAreHTTP200WithStatusFalse() throws {
        let fixture = try SimulatorFixture()
        for password in ["demo-pass-2", Self.demoPasswordMD5.uppercased(), "00000000000000000000000000000000"] {
            let response = try fixture.post(.exabits, "authenticate/login", #"{"username":"demo","password":"\#(password)"}"#)
            #expect(response.status == 200)
            #expect(response.bool("status") == false)
            #expect(response.string("message")?.isEmpty == false)
            #expect(response.json?["data"] == nil)
        }
    }

    @Test func missingFieldIs400WithMessageOnly() throws {
        let fixture = try SimulatorFixture()
        let response = try fixture.post(.exabits, "authenticate/login", #"{"username":"demo"}"#)
        #expect(response.status == 400)
        #expect(response.keys == ["message"])
    }

    @Test func accountNeedsBothHeaders() throws {
        let fixture = try SimulatorFixture()
        let tokens = try Self.login(fixture)
        let both = ["Authorization": "Bearer \(tokens.access)", "refresh-token": tokens.refresh]
        let account = try fixture.get(.exabits, "account", headers: both)
        #expect(account.status == 200)
        #expect(account.string("username") == "demo")
        #expect(try fixture.get(.exabits, "account", headers: ["Authorization": "Bearer \(tokens.access)"]).status == 401)
        #expect(try fixture.get(.exabits, "account", headers: ["refresh-token": tokens.refresh]).status == 401)
        let swapped = ["Authorization": "Bearer \(tokens.refresh)", "refresh-token": tokens.access]
        #expect(try fixture.get(.exabits, "account", headers: swapped).status == 401)
        let unauthorized = try fixture.get(.exabits, "account")
        #expect(unauthorized.keys == ["message"])
        fixture.clock.advance(30 * 60)
        #expect(try fixture.get(.exabits, "account", headers: both).status == 401)
    }

    @Test func apiTokensAreLongLivedAndListedWithoutSecrets() throws {
        let fixture = try SimulatorFixture()
        let tokens = try Self.login(fixture)
        let auth = ["Authorization": "Bearer \(tokens.access)", "refresh-token": tokens.refresh]
        let created = try fixture.post(.exabits, "api-tokens", #"{"name":"ci"}"#, headers: auth)
        #expect(created.status == 200)
        #expect(created.bool("status") == true)
        let data = try #require(created.json?["data"] as? [String: Any])
        let apiToken = try #require(data["token"] as? String)
        let claims = try #require(jwtClaims(apiToken))
        #expect(claims["exp"] == nil)
        #expect(claims["token_use"] as? String == "api")

        let listed = try fixture.get(.exabits, "api-tokens", headers: auth)
        #expect(listed.status == 200)
        let entries = try #require(listed.json?["data"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["name"] as? String == "ci")
        #expect(entries.first?["id"] != nil)
        #expect(!listed.text.contains(apiToken))

        // A year later the session tokens are long dead, the API token alone still works.
        fixture.clock.advance(365 * 24 * 3600)
        let account = try fixture.get(.exabits, "account", headers: ["Authorization": "Bearer \(apiToken)"])
        #expect(account.status == 200)
        #expect(account.string("username") == "demo")
        #expect(try fixture.get(.exabits, "api-tokens", headers: auth).status == 401)
    }

    @Test func apiTokenCreationValidatesAuthAndName() throws {
        let fixture = try SimulatorFixture()
        let tokens = try Self.login(fixture)
        #expect(try fixture.post(.exabits, "api-tokens", #"{"name":"x"}"#).status == 401)
        let auth = ["Authorization": "Bearer \(tokens.access)", "refresh-token": tokens.refresh]
        let missing = try fixture.post(.exabits, "api-tokens", "{}", headers: auth)
        #expect(missing.status == 400)
        #expect(missing.keys == ["message"])
    }
}
