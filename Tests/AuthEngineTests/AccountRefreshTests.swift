import Foundation
import Testing
@testable import AuthEngine

/// `AccountRefresh.run` (`tokenman refresh`, the UI's `R`) over real loopback HTTP: one read of
/// the store up front names each account's tokens, and every account keeps its own answer.
@Suite struct AccountRefreshTests {
    @Test func eachAccountIsRenewedOrFailsOnItsOwn() async throws {
        let fixture = try ServiceFixture()
        let gifts = try #require(fixture.loggedIn(try await fixture.service.login(account: "gifts", password: "demo-pass-3")))
        let wiki = try #require(fixture.loggedIn(try await fixture.service.login(account: "wiki", password: "demo-pass-4")))
        // An entry this version cannot read, for a configured account.
        var text = try String(contentsOfFile: fixture.store.filePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"accounts\" : {", with: "\"accounts\" : {\n    \"newbie\" : \(TokenStoreEntryTests.badEntry),")
        try Data(text.utf8).write(to: URL(fileURLWithPath: fixture.store.filePath))

        fixture.clock.advance(by: 60)
        let names = ["gifts", "newbie", "wiki", "gpu"]
        let results = await AccountRefresh.run(names, service: fixture.service)

        #expect(results.count == 4)
        let renewedGifts = try results[0].get()
        #expect(renewedGifts.accessToken != gifts.accessToken)
        guard case .failure(.storage(let message)) = results[1] else {
            Issue.record("newbie: expected a storage error, got \(String(describing: results[1]))")
            return
        }
        #expect(message.contains("unreadable") && message.contains("newbie"))
        let renewedWiki = try results[2].get()
        #expect(renewedWiki.accessToken != wiki.accessToken)
        guard case .failure(.needsInteractiveLogin) = results[3] else {
            Issue.record("gpu: expected needsInteractiveLogin, got \(String(describing: results[3]))")
            return
        }
        let stored = try fixture.store.snapshot()
        #expect(stored.tokens["gifts"] == renewedGifts)
        #expect(stored.tokens["wiki"] == renewedWiki)
        #expect(stored.unreadable.keys.sorted() == ["newbie"])
    }
}
