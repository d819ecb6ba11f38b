import Foundation
import ProviderSimulator
import Testing

@Suite struct StarshipTests {
    static let demoLogin = #"{"username": "demo", "password": "demo-pass-3"}"#

    @Test func docsLoginAnswersTheDocumentedShape() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.addUser(SimulatedUser(username: "your_api_username", password: "your_api_password"), to: .starship)
        let response = try fixture.post(.starship, "/auth/login", """
        {
        "username": "your_api_username",
        "password": "your_api_password"
        }
        """)
        #expect(response.status == 200)
        #expect(response.keys == ["access_expires_at", "access_token", "client_id", "refresh_expires_at", "refresh_token"])
        #expect(response.json?["client_id"] is NSNumber)
        #expect(response.json?["client_id"] as? String == nil)
        // The fixture clock stands at 1_700_000_000 = 2023-11-14T22:13:20Z.
        #expect(response.string("access_expires_at") == "2023-11-14T23:13:20Z")
        #expect(response.string("refresh_expires_at") == "2023-11-21T22:13:20Z")
        let accessExp = (jwtClaims(response.string("access_token"))?["exp"] as? NSNumber)?.intValue
        #expect(accessExp == 1_700_000_000 + 3600)
        #expect(jwtLifetime(response.string("refresh_token")) == 7 * 24 * 3600)
    }

    @Test func missingFieldsAre400ValidationError() throws {
        let fixture = try SimulatorFixture()
        for body in [#"{"username":"demo"}"#, #"{"password":"x"}"#, "", #"{"username":"","password":""}"#] {
            let response = try fixture.post(.starship, "/auth/login", body)
            #expect(response.status == 400)
            #expect(response.string("error") == "validation_error")
            #expect(response.string("message") == "Username and password are required")
        }
    }

    @Test func wrongCredentialsAre401Unauthorized() throws {
        let fixture = try SimulatorFixture()
        let response = try fixture.post(.starship, "/auth/login", #"{"username":"demo","password":"wrong"}"#)
        #expect(response.status == 401)
        #expect(response.string("error") == "unauthorized")
        #expect(response.string("message") == "Invalid credentials")
    }

    @Test func fiveFailuresGive429WithRetryAfterUntilTheWindowPasses() throws {
        let fixture = try SimulatorFixture { $0.loginRateLimit = LoginRateLimit(maxFailures: 5, window: 120) }
        for step in 0..<5 {
            #expect(try fixture.post(.starship, "/auth/login", #"{"username":"demo","password":"wrong"}"#).status == 401)
            fixture.clock.advance(step == 0 ? 20 : 1)
        }
        // Even the right password is refused while throttled.
        let throttled = try fixture.post(.starship, "/auth/login", Self.demoLogin)
        #expect(throttled.status == 429)
        #expect(throttled.string("error") == "Too Many Requests")
        #expect(throttled.string("message") == "Too many login attempts. Please try again later.")
        #expect(throttled.headers["retry-after"] == "96")
        // Other users are not affected.
        fixture.simulator.addUser(SimulatedUser(username: "other", password: "other-pass"), to: .starship)
        #expect(try fixture.post(.starship, "/auth/login", #"{"username":"other","password":"other-pass"}"#).status == 200)
        fixture.clock.advance(96)
        #expect(try fixture.post(.starship, "/auth/login", Self.demoLogin).status == 200)
    }

    @Test func refreshRotatesAndRevokesTheOldToken() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.starship, "/auth/login", Self.demoLogin)
        let old = jsonBody(["refresh_token": login.string("refresh_token") ?? ""])
        let refreshed = try fixture.post(.starship, "/auth/refresh", old)
        #expect(refreshed.status == 200)
        #expect(refreshed.keys == login.keys)
        #expect(refreshed.int("client_id") == login.int("client_id"))
        #expect(refreshed.string("refresh_token") != login.string("refresh_token"))
        let reused = try fixture.post(.starship, "/auth/refresh", old)
        #expect(reused.status == 401)
        #expect(reused.string("error") == "unauthorized")
        #expect(reused.string("message") == "Invalid refresh token")
        #expect(try fixture.post(.starship, "/auth/refresh", jsonBody(["refresh_token": refreshed.string("refresh_token") ?? ""])).status == 200)
    }

    @Test func refreshErrors() throws {
        let fixture = try SimulatorFixture()
        #expect(try fixture.post(.starship, "/auth/refresh", "{}").status == 400)
        #expect(try fixture.post(.starship, "/auth/refresh", #"{"refresh_token":"garbage"}"#).status == 401)
        let login = try fixture.post(.starship, "/auth/login", Self.demoLogin)
        // An access token is not a refresh token.
        #expect(try fixture.post(.starship, "/auth/refresh", jsonBody(["refresh_token": login.string("access_token") ?? ""])).status == 401)
        fixture.clock.advance(7 * 24 * 3600)
        #expect(try fixture.post(.starship, "/auth/refresh", jsonBody(["refresh_token": login.string("refresh_token") ?? ""])).status == 401)
    }

    @Test func logoutRevokesAllTheClientsTokens() throws {
        let fixture = try SimulatorFixture()
        let first = try fixture.post(.starship, "/auth/login", Self.demoLogin)
        let second = try fixture.post(.starship, "/auth/login", Self.demoLogin)
        let bearer = ["Authorization": "Bearer \(first.string("access_token") ?? "")"]
        #expect(try fixture.get(.starship, "/api/balance", headers: bearer).status == 200)

        let logout = try fixture.post(.starship, "/auth/logout", headers: bearer)
        #expect(logout.status == 200)
        #expect(logout.string("message") == "Successfully logged out")

        #expect(try fixture.get(.starship, "/api/balance", headers: bearer).status == 401)
        let secondBearer = ["Authorization": "Bearer \(second.string("access_token") ?? "")"]
        #expect(try fixture.get(.starship, "/api/balance", headers: secondBearer).status == 401)
        for login in [first, second] {
            #expect(try fixture.post(.starship, "/auth/refresh", jsonBody(["refresh_token": login.string("refresh_token") ?? ""])).status == 401)
        }
        #expect(try fixture.post(.starship, "/auth/logout", headers: bearer).status == 401)
    }

    @Test func logoutWithoutAValidTokenIs401() throws {
        let fixture = try SimulatorFixture()
        let bare = try fixture.post(.starship, "/auth/logout")
        #expect(bare.status == 401)
        #expect(bare.string("error") == "unauthorized")
        #expect(try fixture.post(.starship, "/auth/logout", headers: ["Authorization": "Bearer nope"]).status == 401)
    }

    @Test func balanceNeedsALiveBearerToken() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.starship, "/auth/login", Self.demoLogin)
        let bearer = ["Authorization": "Bearer \(login.string("access_token") ?? "")"]
        let balance = try fixture.get(.starship, "/api/balance", headers: bearer)
        #expect(balance.status == 200)
        #expect(balance.string("username") == "demo")
        #expect(balance.int("client_id") == login.int("client_id"))
        fixture.clock.advance(3600)
        #expect(try fixture.get(.starship, "/api/balance", headers: bearer).status == 401)
    }

    @Test func disabledClientIs403() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.addUser(SimulatedUser(username: "blocked", password: "blocked-pass", isDisabled: true), to: .starship)
        let response = try fixture.post(.starship, "/auth/login", #"{"username":"blocked","password":"blocked-pass"}"#)
        #expect(response.status == 403)
        #expect(response.string("message") == "IP address not authorized")
    }
}
