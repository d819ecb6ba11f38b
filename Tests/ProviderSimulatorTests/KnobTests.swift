import Foundation
import ProviderSimulator
import Testing

@Suite struct KnobTests {
    static let starshipLogin = #"{"username":"demo","password":"demo-pass-3"}"#

    @Test func serverErrorFaultIsShapedLikeEachProvider() throws {
        let fixture = try SimulatorFixture()
        for provider in SimulatedProvider.allCases {
            fixture.simulator.setFault(.serverError(status: 503), for: provider)
        }
        let byteConnect = try fixture.post(.byteConnect, "/auth", "{}")
        #expect(byteConnect.status == 503)
        #expect(byteConnect.keys == ["error", "message"])
        let exabits = try fixture.post(.exabits, "authenticate/login", "{}")
        #expect(exabits.status == 503)
        #expect(exabits.keys == ["message"])
        let starship = try fixture.post(.starship, "/auth/login", Self.starshipLogin)
        #expect(starship.status == 503)
        #expect(starship.keys == ["error", "message"])
        let wikimedia = try fixture.post(.wikimedia, "/v1/login", "{}")
        #expect(wikimedia.status == 503)
        #expect(wikimedia.int("status") == 503)
    }

    @Test func malformedJSONFault() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.setFault(.malformedJSON, for: .starship)
        let response = try fixture.post(.starship, "/auth/login", Self.starshipLogin)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(!response.body.isEmpty)
        #expect((try? JSONSerialization.jsonObject(with: response.body)) == nil)
    }

    @Test func htmlErrorPageFault() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.setFault(.htmlErrorPage, for: .wikimedia)
        let response = try fixture.post(.wikimedia, "/v1/login", "{}")
        #expect(response.status == 502)
        #expect(response.headers["content-type"] == "text/html")
        #expect(response.text.contains("<html>"))
    }

    @Test func dropConnectionFaultSendsNoByte() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.setFault(.dropConnection, for: .exabits)
        let raw = try LoopbackClient.roundTrip(port: fixture.port, request: Data("GET /exabits/api/v1/account HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(raw.isEmpty)
        #expect(throws: LoopbackError.noResponse) {
            try fixture.get(.exabits, "account")
        }
        // Other providers are unaffected.
        #expect(try fixture.post(.starship, "/auth/login", Self.starshipLogin).status == 200)
    }

    @Test func faultsCanBeLimitedAndCleared() throws {
        let fixture = try SimulatorFixture { $0.faults = [.byteConnect: .serverError(status: 500)] }
        #expect(try fixture.post(.byteConnect, "/auth", "{}").status == 500)
        fixture.simulator.setFault(nil, for: .byteConnect)
        #expect(try fixture.post(.byteConnect, "/auth", "{}").status == 400)

        fixture.simulator.setFault(.serverError(status: 502), for: .starship, times: 2)
        #expect(try fixture.post(.starship, "/auth/login", Self.starshipLogin).status == 502)
        #expect(try fixture.post(.starship, "/auth/login", Self.starshipLogin).status == 502)
        #expect(try fixture.post(.starship, "/auth/login", Self.starshipLogin).status == 200)
        #expect(fixture.simulator.requestCount(for: .starship) == 3)
    }

    @Test func latencyDelaysOnlyThatProvider() throws {
        let fixture = try SimulatorFixture()
        fixture.simulator.setLatency(0.4, for: .starship)
        var started = Date()
        #expect(try fixture.post(.starship, "/auth/login", Self.starshipLogin).status == 200)
        let delayed = Date().timeIntervalSince(started)
        #expect(delayed >= 0.4)
        // No upper bound on a loaded machine: the undelayed requests only have to beat the
        // delayed one, which carries the same overhead plus the 0.4 s.
        started = Date()
        #expect(try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#).status == 200)
        #expect(Date().timeIntervalSince(started) < delayed)
        fixture.simulator.setLatency(0, for: .starship)
        started = Date()
        _ = try fixture.post(.starship, "/auth/login", Self.starshipLogin)
        #expect(Date().timeIntervalSince(started) < delayed)
    }

    @Test func lifetimesCanBeOverriddenGloballyOrPerProvider() throws {
        let fixture = try SimulatorFixture { $0.setLifetimes(access: 60, refresh: 600) }
        let starship = try fixture.post(.starship, "/auth/login", Self.starshipLogin)
        #expect(jwtLifetime(starship.string("access_token")) == 60)
        #expect(jwtLifetime(starship.string("refresh_token")) == 600)

        fixture.simulator.setLifetimes(access: 5, for: .wikimedia)
        #expect(fixture.simulator.lifetimes(for: .wikimedia) == TokenLifetimes(access: 5, refresh: 600))
        let wikimedia = try fixture.post(.wikimedia, "/v1/login", #"{"username":"demo","password":"demo-pass-4"}"#)
        #expect(wikimedia.int("expires_in") == 5)
        #expect(jwtLifetime(wikimedia.string("id_token")) == 5)
        #expect(jwtLifetime(try fixture.post(.starship, "/auth/login", Self.starshipLogin).string("access_token")) == 60)

        fixture.simulator.setLifetimes(access: 7, refresh: 70)
        let byteConnect = try fixture.post(.byteConnect, "/auth", #"{"username":"demo","password":"demo-pass-1"}"#)
        #expect(jwtLifetime(byteConnect.string("access_token")) == 7)
        #expect(jwtLifetime(byteConnect.string("refresh_token")) == 70)
    }

    @Test func demoCredentialsAllWork() throws {
        let fixture = try SimulatorFixture()
        let credentials = ProviderSimulator.demoCredentials
        #expect(Set(credentials.map(\.provider)) == Set(SimulatedProvider.allCases))
        for credential in credentials {
            switch credential.provider {
            case .byteConnect:
                #expect(try fixture.post(.byteConnect, "/auth", jsonBody(["username": credential.username, "password": credential.password])).status == 200)
            case .exabits:
                #expect(credential.password == "demo-pass-2")
                let response = try fixture.post(.exabits, "authenticate/login", jsonBody(["username": credential.username, "password": ExabitsTests.demoPasswordMD5]))
                #expect(response.bool("status") == true)
            case .starship:
                #expect(try fixture.post(.starship, "/auth/login", jsonBody(["username": credential.username, "password": credential.password])).status == 200)
            case .wikimedia:
                let response = try fixture.post(.wikimedia, "/v1/login", jsonBody(["username": credential.username, "password": credential.password]))
                #expect(response.status == 200)
                let isChallenge = response.string("challenge_name") == "NEW_PASSWORD_REQUIRED"
                #expect(isChallenge == (credential.username == "newbie"))
            case .cognito:
                let parameters = jsonBody(["USERNAME": credential.username, "PASSWORD": credential.password])
                let body = #"{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"tokenman-sim-client","AuthParameters":"# + parameters + "}"
                let response = try fixture.post(.cognito, "/", body, headers: ["X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth"])
                switch credential.username {
                case "newbie": #expect(response.string("ChallengeName") == "NEW_PASSWORD_REQUIRED")
                case "resetme": #expect(response.string("__type") == "PasswordResetRequiredException")
                default: #expect(response.status == 200 && response.string("ChallengeName") == nil)
                }
            }
        }
    }

    @Test func demoUsersCanBeLeftOut() throws {
        let fixture = try SimulatorFixture { $0.includesDemoUsers = false }
        #expect(try fixture.post(.starship, "/auth/login", Self.starshipLogin).status == 401)
    }

    @Test func serverSideRevocationRefusesTokens() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.starship, "/auth/login", Self.starshipLogin)
        fixture.simulator.revokeAllTokens(of: "demo", on: .starship)
        #expect(try fixture.get(.starship, "/api/balance", headers: ["Authorization": "Bearer \(login.string("access_token") ?? "")"]).status == 401)
    }
}
