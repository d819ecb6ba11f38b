import Foundation
import ProviderSimulator
import Testing

@Suite struct ByteConnectTests {
    @Test func docsCurlLoginWithUserNameField() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.addUser(SimulatedUser(username: "user1234", password: "password1234"), to: .byteConnect)
        // The docs' curl sample, byte for byte.
        let response = try fixture.post(.byteConnect, "/auth", #"{"user_name": "user1234", "password": "password1234"}"#)
        #expect(response.status == 200)
        #expect(response.keys == ["access_token", "refresh_token", "token_type"])
        #expect(response.string("token_type") == "bearer")
        let access = jwtClaims(response.string("access_token"))
        #expect(access?["token_use"] as? String == "access")
        #expect(access?["sub"] as? String == "user1234")
        #expect(jwtClaims(response.string("refresh_token"))?["token_use"] as? String == "refresh")
        #expect(jwtLifetime(response.string("access_token")) == 15 * 60)
        #expect(jwtLifetime(response.string("refresh_token")) == 15 * 24 * 3600)
    }

    @Test func pythonAndNodeSamplesLoginWithUsernameField() throws {
        let fixture = try SimulatorFixture()
        let response = try fixture.post(.byteConnect, "/auth", #"{"username" : "demo", "password" : "demo-pass-1"}"#)
        #expect(response.status == 200)
        #expect(response.string("access_token") != nil)
    }

    @Test func wrongPasswordIs401WithDocumentedBody() throws {
        let fixture = try SimulatorFixture()
        let response = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"nope"}"#)
        #expect(response.status == 401)
        #expect(response.string("error") == "invalid_credentials")
        #expect(response.string("message") == "Username or password was invalid.")
    }

    @Test func missingFieldsAre400() throws {
        let fixture = try SimulatorFixture()
        #expect(try fixture.post(.byteConnect, "/auth", #"{"username":"demo"}"#).status == 400)
        #expect(try fixture.post(.byteConnect, "/auth", "not json").status == 400)
    }

    @Test func disabledAccountIs403() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.addUser(SimulatedUser(username: "frozen", password: "frozen-pass", isDisabled: true), to: .byteConnect)
        let response = try fixture.post(.byteConnect, "/auth", #"{"username":"frozen","password":"frozen-pass"}"#)
        #expect(response.status == 403)
        #expect(response.string("error") == "invalid_credentials")
    }

    @Test func repeatedFailuresAre429WithRetryAfter() throws {
        let fixture = try SimulatorFixture { $0.loginRateLimit = LoginRateLimit(maxFailures: 3, window: 60) }
        for _ in 0..<3 {
            #expect(try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"bad"}"#).status == 401)
        }
        let throttled = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#)
        #expect(throttled.status == 429)
        #expect(throttled.headers["retry-after"] == "60")
        fixture.clock.advance(61)
        #expect(try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#).status == 200)
    }

    @Test func refreshRotatesAndRefusesTheOldRefreshToken() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#)
        let pair = jsonBody(["access_token": login.string("access_token") ?? "", "refresh_token": login.string("refresh_token") ?? ""])
        let refreshed = try fixture.post(.byteConnect, "/auth_refresh", pair)
        #expect(refreshed.status == 200)
        #expect(refreshed.string("token_type") == "bearer")
        #expect(refreshed.string("refresh_token") != login.string("refresh_token"))
        #expect(refreshed.string("access_token") != login.string("access_token"))
        let reused = try fixture.post(.byteConnect, "/auth_refresh", pair)
        #expect(reused.status == 401)
        let next = jsonBody(["access_token": refreshed.string("access_token") ?? "", "refresh_token": refreshed.string("refresh_token") ?? ""])
        #expect(try fixture.post(.byteConnect, "/auth_refresh", next).status == 200)
    }

    @Test func refreshWorksWithAnExpiredAccessTokenButNotAnExpiredRefreshToken() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#)
        let pair = jsonBody(["access_token": login.string("access_token") ?? "", "refresh_token": login.string("refresh_token") ?? ""])
        fixture.clock.advance(16 * 60)
        #expect(try fixture.post(.byteConnect, "/auth_refresh", pair).status == 200)

        let second = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#)
        fixture.clock.advance(15 * 24 * 3600)
        let expired = jsonBody(["access_token": second.string("access_token") ?? "", "refresh_token": second.string("refresh_token") ?? ""])
        #expect(try fixture.post(.byteConnect, "/auth_refresh", expired).status == 401)
        #expect(try fixture.post(.byteConnect, "/auth_refresh", #"{"refresh_token":"x"}"#).status == 400)
    }

    @Test func protectedEndpointReadsTheAccessTokenFromTheBody() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#)
        let body = jsonBody(["access_token": login.string("access_token") ?? ""])
        let account = try fixture.post(.byteConnect, "/api/account", body)
        #expect(account.status == 200)
        #expect(account.bool("ok") == true)
        #expect(account.string("username") == "demo")
        // The token in a header is not how ByteConnect carries it.
        let inHeader = try fixture.post(.byteConnect, "/api/account", "{}", headers: ["Authorization": "Bearer \(login.string("access_token") ?? "")"])
        #expect(inHeader.status == 401)
        fixture.clock.advance(15 * 60)
        #expect(try fixture.post(.byteConnect, "/api/account", body).status == 401)
    }

    @Test func refreshTokenIsNotAnAccessToken() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#)
        let body = jsonBody(["access_token": login.string("refresh_token") ?? ""])
        #expect(try fixture.post(.byteConnect, "/api/account", body).status == 401)
    }
}
