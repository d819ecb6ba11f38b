import Foundation
import ProviderSimulator
import Testing

@Suite("tokenman token and header", .endToEndSlot)
struct CliTokenTests {
    /// Each provider's token, used the way its API wants it, is accepted at the simulator's
    /// protected endpoint (the lines come straight from `tokenman header`).
    @Test(arguments: ["bc", "ex", "ss", "wm"])
    func headerLinesWorkAtTheProtectedEndpoint(account: String) async throws {
        let fixture = try CliFixture()
        let token = try await fixture.tokenman("token", account)
        #expect(token.status == 0, "\(token)")
        #expect(!token.output.isEmpty && !token.output.contains("\n"))
        let header = try await fixture.tokenman("header", account)
        #expect(header.status == 0, "\(header)")
        let lines = header.lines
        let status: Int
        switch account {
        case "bc":
            #expect(lines == ["\"access_token\": \"\(token.output)\""])
            status = try await LoopbackHTTP.status(method: "POST", url: fixture.url(.byteConnect) + "/api/account", body: "{\(lines.joined())}")
        case "ex":
            #expect(lines.count == 2)
            #expect(lines.first == "Authorization: Bearer \(token.output)")
            #expect(lines.last?.hasPrefix("refresh-token: ") == true)
            status = try await LoopbackHTTP.status(method: "GET", url: fixture.url(.exabits) + "account", headers: lines)
        case "ss":
            #expect(lines == ["Authorization: Bearer \(token.output)"])
            status = try await LoopbackHTTP.status(method: "GET", url: fixture.url(.starship) + "/api/balance", headers: lines)
        default:
            #expect(lines == ["Authorization: Bearer \(token.output)"])
            status = try await LoopbackHTTP.status(method: "GET", url: fixture.url(.wikimedia) + "/v1/account", headers: lines)
        }
        #expect(status == 200)
        // A forged token is refused, so the 200 above means something.
        let forged = try await LoopbackHTTP.status(method: "GET", url: fixture.url(.starship) + "/api/balance", headers: ["Authorization: Bearer x.y.z"])
        #expect(forged == 401)
    }

    @Test func cachedTokenComesBackWithoutARequest() async throws {
        let fixture = try CliFixture()
        let first = try await fixture.tokenman("token", "ss")
        #expect(first.status == 0)
        let requests = fixture.simulator.requestCount(for: .starship)
        #expect(requests == 1)
        let second = try await fixture.tokenman("token", "ss")
        #expect(second.status == 0)
        #expect(second.output == first.output)
        #expect(fixture.simulator.requestCount(for: .starship) == requests)
    }

    /// `--min-valid` longer than the provider grants: renewing would only bring another token
    /// of the same lifetime, so the token is used for its life and stderr says so (exit 0).
    @Test func minValidBeyondTheGrantSaysSoAndDoesNotRefresh() async throws {
        let fixture = try CliFixture()
        fixture.simulator.setLifetimes(access: 120, for: .starship)
        let first = try await fixture.tokenman("token", "ss")
        #expect(first.status == 0)
        let cached = try await fixture.tokenman("token", "ss", "--min-valid", "1m")
        #expect(cached.output == first.output)
        #expect(cached.stderr.isEmpty)
        #expect(fixture.simulator.requestCount(for: .starship) == 1)
        for _ in 0..<2 {
            let short = try await fixture.tokenman("token", "ss", "--min-valid", "5m")
            #expect(short.status == 0, "\(short)")
            #expect(short.output == first.output)
            #expect(short.stderr.contains("less than --min-valid 5m00s"), "\(short)")
            #expect(short.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
        }
        #expect(fixture.simulator.tally(for: .starship).refreshes == 0)
        #expect(fixture.simulator.requestCount(for: .starship) == 1)
    }

    @Test func expiredRefreshTokenLeadsToALoginWithThePasswordSource() async throws {
        let fixture = try CliFixture()
        fixture.simulator.setLifetimes(access: 1, refresh: 1, for: .starship)
        let first = try await fixture.tokenman("token", "ss")
        #expect(first.status == 0)
        try await Task.sleep(for: .milliseconds(2100))
        let expired = try await fixture.tokenman("status", "ss", "--json")
        let accounts = try #require((try CliFixture.json(expired) as? [String: Any])?["accounts"] as? [[String: Any]])
        #expect(accounts.first?["state"] as? String == "refresh-expired")
        fixture.simulator.setLifetimes(access: 600, refresh: 600, for: .starship)
        let again = try await fixture.tokenman("token", "ss")
        #expect(again.status == 0, "\(again)")
        #expect(again.output != first.output)
        let listed = try CliFixture.json(try await fixture.tokenman("list", "--json")) as? [[String: Any]]
        #expect(listed?.first { $0["account"] as? String == "ss" }?["state"] as? String == "valid")
    }

    @Test func refreshAndIdTokenKinds() async throws {
        let fixture = try CliFixture()
        let access = try await fixture.tokenman("token", "wm")
        let refresh = try await fixture.tokenman("token", "wm", "--kind", "refresh")
        let id = try await fixture.tokenman("token", "wm", "--kind", "id")
        #expect(refresh.status == 0 && id.status == 0)
        #expect(Set([access.output, refresh.output, id.output]).count == 3)
        #expect(Self.claim("token_use", of: refresh.output) == "refresh")
        #expect(Self.claim("token_use", of: id.output) == "id")
        let noID = try await fixture.tokenman("token", "bc", "--kind", "id")
        #expect(noID.status == 1)
        #expect(noID.stdout.isEmpty)
        #expect(noID.stderr.contains("no id token"))
    }

    @Test func byteConnectHeaderIsTheJSONBodyMember() async throws {
        let fixture = try CliFixture()
        let header = try await fixture.tokenman("header", "bc")
        #expect(header.status == 0)
        #expect(header.output.hasPrefix("\"access_token\": \"ey"))
    }

    /// The `token_use` claim of a simulator JWT.
    static func claim(_ name: String, of jwt: String) -> String? {
        let parts = jwt.split(separator: ".")
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object[name] as? String
    }
}
