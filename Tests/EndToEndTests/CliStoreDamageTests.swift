import Foundation
import ProviderSimulator
import Testing

/// One account's entry that this tokenman cannot read (a date of year -4712, as an older
/// version wrote from a JWT `exp` of -1e18) must not stop the other accounts, and the next
/// write must keep it.
@Suite("A damaged store entry", .endToEndSlot)
struct CliStoreDamageTests {
    static let badEntry = #"{"accessToken": "dead", "accessExpiresAt": "-4712-01-01T00:00:00.000Z", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "jwt_exp", "refreshExpirySource": "unknown", "attributes": {}}"#

    @Test func otherAccountsKeepWorkingAndTheEntryIsKept() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "bc").status == 0)
        let path = fixture.stateDirectory + "/tokens.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"accounts\" : {", with: "\"accounts\" : {\n    \"ss\" : \(Self.badEntry),")
        try text.write(toFile: path, atomically: false, encoding: .utf8)

        let token = try await fixture.tokenman("token", "bc")
        #expect(token.status == 0, "\(token)")
        #expect(try await fixture.tokenman("header", "bc").status == 0)
        let listed = try await fixture.tokenman("list", "--json")
        #expect(listed.status == 0, "\(listed)")
        let states = (try CliFixture.json(listed) as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            $0[$1["account"] as? String ?? ""] = $1["state"] as? String
        }
        #expect(states["bc"] == "valid")
        #expect(states["ss"] == "unreadable")
        #expect(listed.stderr.contains("the tokens of account ss are unreadable"))
        #expect(!listed.stderr.contains("dead"))
        let broken = try await fixture.tokenman("token", "ss")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("account ss"))

        // Writes for other accounts keep the entry byte for byte.
        #expect(try await fixture.tokenman("token", "wm").status == 0)
        #expect(try await fixture.tokenman("logout", "bc").status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(Self.badEntry))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.stateDirectory).filter { $0.hasPrefix("tokens.json.") }.isEmpty)
    }
}
