import Foundation
import ProviderSimulator
import Testing

@Suite struct WikimediaTests {
    static let demoLogin = #"{"username":"demo","password":"demo-pass-4"}"#

    static func expectError(_ response: WireResponse, _ status: Int, _ message: String? = nil) {
        #expect(response.status == status)
        #expect(response.int("status") == status)
        if let message {
            #expect(response.string("message") == message)
        }
    }

    @Test func docsLoginSampleAnswersAllThreeTokens() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.addUser(SimulatedUser(username: "admin", password: "j8BDWYrQwDF5u4Yu"), to: .wikimedia)
        let response = try fixture.post(.wikimedia, "/v1/login", #"{ "username": "admin", "password": "j8BDWYrQwDF5u4Yu" }"#)
        #expect(response.status == 200)
        #expect(response.keys == ["access_token", "expires_in", "id_token", "refresh_token"])
        #expect(response.int("expires_in") == 24 * 3600)
        #expect(jwtClaims(response.string("id_token"))?["token_use"] as? String == "id")
        #expect(jwtLifetime(response.string("access_token")) == 24 * 3600)
        #expect(jwtLifetime(response.string("refresh_token")) == 90 * 24 * 3600)
    }

    @Test func usernamesAreCaseSensitive() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.addUser(SimulatedUser(username: "alice", password: "alice-pass"), to: .wikimedia)
        Self.expectError(try fixture.post(.wikimedia, "/v1/login", #"{"username":"Alice","password":"alice-pass"}"#), 401, "Incorrect username or password.")
        #expect(try fixture.post(.wikimedia, "/v1/login", #"{"username":"alice","password":"alice-pass"}"#).status == 200)
    }

    @Test func loginErrors() throws {
        let fixture = try SimulatorFixture()
        Self.expectError(try fixture.post(.wikimedia, "/v1/login", #"{"username":"demo","password":"wrong-pass"}"#), 401, "Incorrect username or password.")
        Self.expectError(try fixture.post(.wikimedia, "/v1/login", #"{"username":"demo"}"#), 422)
        Self.expectError(try fixture.post(.wikimedia, "/v1/login", "username=demo&password=demo-pass-4"), 422)
    }

    @Test func newPasswordChallengeThenSingleUseSession() throws {
        let fixture = try SimulatorFixture()
        let challenge = try fixture.post(.wikimedia, "/v1/login", #"{"username":"newbie","password":"temp-pass-5"}"#)
        #expect(challenge.status == 200)
        #expect(challenge.keys == ["challenge_name", "session"])
        #expect(challenge.string("challenge_name") == "NEW_PASSWORD_REQUIRED")
        let session = try #require(challenge.string("session"))

        let answer = jsonBody(["session": session, "username": "newbie", "new_password": "b2BDWZrQwDF5u4Yu"])
        let tokens = try fixture.post(.wikimedia, "/v1/new-password-required", answer)
        #expect(tokens.status == 200)
        #expect(tokens.keys == ["access_token", "expires_in", "id_token", "refresh_token"])

        Self.expectError(try fixture.post(.wikimedia, "/v1/new-password-required", answer), 401, "Invalid session for the user, session is expired.")
        #expect(try fixture.post(.wikimedia, "/v1/login", #"{"username":"newbie","password":"b2BDWZrQwDF5u4Yu"}"#).string("access_token") != nil)
        #expect(try fixture.post(.wikimedia, "/v1/login", #"{"username":"newbie","password":"temp-pass-5"}"#).status == 401)
    }

    @Test func newPasswordSessionExpires() throws {
        let fixture = try SimulatorFixture { $0.newPasswordSessionLifetime = 30 }
        let challenge = try fixture.post(.wikimedia, "/v1/login", #"{"username":"newbie","password":"temp-pass-5"}"#)
        fixture.clock.advance(30)
        let answer = jsonBody(["session": challenge.string("session") ?? "", "username": "newbie", "new_password": "fresh-pass-6"])
        Self.expectError(try fixture.post(.wikimedia, "/v1/new-password-required", answer), 401, "Invalid session for the user, session is expired.")
    }

    @Test func defaultSessionLivesThreeMinutes() throws {
        let fixture = try SimulatorFixture()
        let first = try fixture.post(.wikimedia, "/v1/login", #"{"username":"newbie","password":"temp-pass-5"}"#)
        fixture.clock.advance(179)
        let inTime = jsonBody(["session": first.string("session") ?? "", "username": "newbie", "new_password": "fresh-pass-6"])
        #expect(try fixture.post(.wikimedia, "/v1/new-password-required", inTime).status == 200)

        #expect(fixture.simulator.requireNewPassword(forWikimediaUser: "newbie", temporaryPassword: "temp-again"))
        let second = try fixture.post(.wikimedia, "/v1/login", #"{"username":"newbie","password":"temp-again"}"#)
        fixture.clock.advance(181)
        let late = jsonBody(["session": second.string("session") ?? "", "username": "newbie", "new_password": "fresh-pass-7"])
        #expect(try fixture.post(.wikimedia, "/v1/new-password-required", late).status == 401)
    }

    @Test func newPasswordValidation() throws {
        let fixture = try SimulatorFixture()
        let challenge = try fixture.post(.wikimedia, "/v1/login", #"{"username":"newbie","password":"temp-pass-5"}"#)
        let session = challenge.string("session") ?? ""
        for bad in ["12345", String(repeating: "x", count: 256)] {
            Self.expectError(try fixture.post(.wikimedia, "/v1/new-password-required", jsonBody(["session": session, "username": "newbie", "new_password": bad])), 422)
        }
        Self.expectError(try fixture.post(.wikimedia, "/v1/new-password-required", jsonBody(["session": session, "username": "newbie"])), 422)
        // Validation failures do not burn the session.
        let good = jsonBody(["session": session, "username": "newbie", "new_password": String(repeating: "y", count: 255)])
        #expect(try fixture.post(.wikimedia, "/v1/new-password-required", good).status == 200)
    }

    @Test func refreshKeepsTheRefreshToken() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.wikimedia, "/v1/login", Self.demoLogin)
        let body = jsonBody(["username": "demo", "refresh_token": login.string("refresh_token") ?? ""])
        let first = try fixture.post(.wikimedia, "/v1/token-refresh", body)
        #expect(first.status == 200)
        #expect(first.keys == ["access_token", "expires_in", "id_token"])
        #expect(first.string("access_token") != login.string("access_token"))
        #expect(try fixture.post(.wikimedia, "/v1/token-refresh", body).status == 200)
        Self.expectError(try fixture.post(.wikimedia, "/v1/token-refresh", jsonBody(["username": "other", "refresh_token": login.string("refresh_token") ?? ""])), 401)
        Self.expectError(try fixture.post(.wikimedia, "/v1/token-refresh", #"{"username":"demo"}"#), 422)
        fixture.clock.advance(90 * 24 * 3600)
        Self.expectError(try fixture.post(.wikimedia, "/v1/token-refresh", body), 401)
    }

    @Test func tooManyRefreshesIs429WithoutRetryAfter() throws {
        let fixture = try SimulatorFixture { $0.wikimediaRefreshLimit = 2 }
        let login = try fixture.post(.wikimedia, "/v1/login", Self.demoLogin)
        let body = jsonBody(["username": "demo", "refresh_token": login.string("refresh_token") ?? ""])
        #expect(try fixture.post(.wikimedia, "/v1/token-refresh", body).status == 200)
        #expect(try fixture.post(.wikimedia, "/v1/token-refresh", body).status == 200)
        let limited = try fixture.post(.wikimedia, "/v1/token-refresh", body)
        Self.expectError(limited, 429, "Refresh tokens limit has been exceeded.")
        #expect(limited.headers["retry-after"] == nil)
    }

    @Test func revokeKillsTheRefreshTokenAndItsAccessTokens() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.wikimedia, "/v1/login", Self.demoLogin)
        let refreshBody = jsonBody(["username": "demo", "refresh_token": login.string("refresh_token") ?? ""])
        let refreshed = try fixture.post(.wikimedia, "/v1/token-refresh", refreshBody)
        let other = try fixture.post(.wikimedia, "/v1/login", Self.demoLogin)

        let revoke = try fixture.post(.wikimedia, "/v1/token-revoke", jsonBody(["refresh_token": login.string("refresh_token") ?? ""]))
        #expect(revoke.status == 204)
        #expect(revoke.body.isEmpty)

        Self.expectError(try fixture.post(.wikimedia, "/v1/token-refresh", refreshBody), 401)
        for access in [login.string("access_token"), refreshed.string("access_token")] {
            #expect(try fixture.get(.wikimedia, "/v1/account", headers: ["Authorization": "Bearer \(access ?? "")"]).status == 401)
        }
        // Another login's tokens are untouched.
        #expect(try fixture.get(.wikimedia, "/v1/account", headers: ["Authorization": "Bearer \(other.string("access_token") ?? "")"]).status == 200)
        Self.expectError(try fixture.post(.wikimedia, "/v1/token-revoke", "{}"), 422)
        Self.expectError(try fixture.post(.wikimedia, "/v1/token-revoke", #"{"refresh_token":"garbage"}"#), 401)
    }

    @Test func forgotPasswordEmailsACodeThatResetsThePasswordOnce() throws {
        let fixture = try SimulatorFixture()
        let forgot = try fixture.post(.wikimedia, "/v1/forgot-password", #"{ "username": "demo" }"#)
        #expect(forgot.status == 204)
        #expect(forgot.body.isEmpty)
        let code = try #require(fixture.simulator.lastForgotPasswordCode(for: "demo"))
        #expect(fixture.output.lines == ["[wikimedia] forgot-password code for demo: \(code)"])

        let wrongCode = code == "000000" ? "111111" : "000000"
        Self.expectError(try fixture.post(.wikimedia, "/v1/forgot-password-confirm", jsonBody(["username": "demo", "password": "reset-pass-9", "confirmation_code": wrongCode])), 401)
        Self.expectError(try fixture.post(.wikimedia, "/v1/forgot-password-confirm", jsonBody(["username": "demo", "password": "short", "confirmation_code": code])), 422)
        let confirm = jsonBody(["username": "demo", "password": "reset-pass-9", "confirmation_code": code])
        let confirmed = try fixture.post(.wikimedia, "/v1/forgot-password-confirm", confirm)
        #expect(confirmed.status == 204)
        #expect(confirmed.body.isEmpty)
        #expect(try fixture.post(.wikimedia, "/v1/login", #"{"username":"demo","password":"reset-pass-9"}"#).status == 200)
        #expect(try fixture.post(.wikimedia, "/v1/login", Self.demoLogin).status == 401)
        Self.expectError(try fixture.post(.wikimedia, "/v1/forgot-password-confirm", confirm), 401)
        // The sink never saw a password or a token.
        #expect(!fixture.output.lines.joined().contains("reset-pass-9"))
    }

    @Test func forgotPasswordCodeExpires() throws {
        let fixture = try SimulatorFixture()
        _ = try fixture.post(.wikimedia, "/v1/forgot-password", #"{"username":"demo"}"#)
        let code = try #require(fixture.simulator.lastForgotPasswordCode(for: "demo"))
        fixture.clock.advance(3600)
        Self.expectError(try fixture.post(.wikimedia, "/v1/forgot-password-confirm", jsonBody(["username": "demo", "password": "reset-pass-9", "confirmation_code": code])), 401)
    }

    @Test func forgotPasswordForUnknownUserIs204WithoutEmail() throws {
        let fixture = try SimulatorFixture()
        #expect(try fixture.post(.wikimedia, "/v1/forgot-password", #"{"username":"nobody"}"#).status == 204)
        #expect(fixture.output.lines.isEmpty)
        #expect(fixture.simulator.lastForgotPasswordCode(for: "nobody") == nil)
        Self.expectError(try fixture.post(.wikimedia, "/v1/forgot-password", "{}"), 422)
    }

    @Test func changePassword() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.wikimedia, "/v1/login", Self.demoLogin)
        let access = login.string("access_token") ?? ""
        Self.expectError(try fixture.post(.wikimedia, "/v1/change-password", jsonBody(["access_token": access, "previous_password": "wrong-pass", "proposed_password": "b2BDWZrQwDF5u4Yu"])), 401)
        Self.expectError(try fixture.post(.wikimedia, "/v1/change-password", jsonBody(["access_token": "sInR5cCI6IkpXVCJ9eyJhbGciOiJIUzI1NiI", "previous_password": "demo-pass-4", "proposed_password": "b2BDWZrQwDF5u4Yu"])), 401)
        Self.expectError(try fixture.post(.wikimedia, "/v1/change-password", jsonBody(["access_token": access, "previous_password": "demo-pass-4", "proposed_password": String(repeating: "z", count: 257)])), 422)
        Self.expectError(try fixture.post(.wikimedia, "/v1/change-password", jsonBody(["access_token": access, "previous_password": "demo-pass-4"])), 422)
        let proposed = String(repeating: "z", count: 256)
        let changed = try fixture.post(.wikimedia, "/v1/change-password", jsonBody(["access_token": access, "previous_password": "demo-pass-4", "proposed_password": proposed]))
        #expect(changed.status == 204)
        #expect(fixture.simulator.password(of: "demo", on: .wikimedia) == proposed)
        #expect(try fixture.post(.wikimedia, "/v1/login", jsonBody(["username": "demo", "password": proposed])).status == 200)
    }

    @Test func accountNeedsALiveBearerToken() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.wikimedia, "/v1/login", Self.demoLogin)
        let bearer = ["Authorization": "Bearer \(login.string("access_token") ?? "")"]
        let account = try fixture.get(.wikimedia, "/v1/account", headers: bearer)
        #expect(account.status == 200)
        #expect(account.string("username") == "demo")
        #expect(try fixture.get(.wikimedia, "/v1/account", headers: ["Authorization": "Bearer \(login.string("id_token") ?? "")"]).status == 401)
        fixture.clock.advance(24 * 3600)
        Self.expectError(try fixture.get(.wikimedia, "/v1/account", headers: bearer), 401)
    }
}
