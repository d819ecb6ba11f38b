import Foundation
import ProviderSimulator
import Testing

/// Logins and refreshes are counted per provider, in-process and at `GET /_stats`, so that
/// tests and scripts can check how many renewals reached a provider.
@Suite struct TallyTests {
    @Test func loginsAndRefreshesAreCountedApart() throws {
        let fixture = try SimulatorFixture()
        let login = try fixture.post(.starship, "/auth/login", KnobTests.starshipLogin)
        #expect(login.status == 200)
        let refresh = try fixture.post(.starship, "/auth/refresh", jsonBody(["refresh_token": login.string("refresh_token") ?? ""]))
        #expect(refresh.status == 200)
        // A refused refresh still reached the provider: it counts.
        #expect(try fixture.post(.starship, "/auth/refresh", jsonBody(["refresh_token": "x"])).status == 401)
        _ = try fixture.get(.starship, "/api/balance")
        #expect(fixture.simulator.tally(for: .starship) == RequestTally(requests: 4, logins: 1, refreshes: 2))
        #expect(fixture.simulator.tally(for: .wikimedia) == RequestTally())

        let stats = try LoopbackClient.send(port: fixture.port, method: "GET", path: "/_stats", headers: [:], body: nil)
        #expect(stats.status == 200)
        let starship = stats.json?["starship"] as? [String: Int]
        #expect(starship == ["requests": 4, "logins": 1, "refreshes": 2])
        #expect(stats.json?.keys.sorted() == ["bytefederal", "cognito", "exabits", "starship", "wikimedia"])
    }

    @Test func eachProvidersRefreshEndpointIsCounted() throws {
        let fixture = try SimulatorFixture()
        _ = try fixture.post(.byteConnect, "/auth_refresh", "{}")
        _ = try fixture.post(.wikimedia, "/v1/token-refresh", "{}")
        _ = try fixture.post(.exabits, "authenticate/login", "{}")
        #expect(fixture.simulator.tally(for: .byteConnect).refreshes == 1)
        #expect(fixture.simulator.tally(for: .wikimedia).refreshes == 1)
        #expect(fixture.simulator.tally(for: .exabits) == RequestTally(requests: 1, logins: 1, refreshes: 0))
    }
}
