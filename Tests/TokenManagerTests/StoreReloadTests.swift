import AuthEngine
import Foundation
import Testing
@testable import TokenManager

/// The UI's store poll (`.reloadStore` every 10 s) through the live client: an unchanged
/// `tokens.json` answers no message at all, a changed one the whole reading.
@Suite struct StoreReloadTests {
    @Test func theLiveClientRereadsOnlyAChangedStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-reload-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = TokenStore(directory: directory)
        let tokens = TokenSet(accessToken: "a-1", obtainedAt: Fixture.t0)
        try store.save(tokens, account: "gpu")
        let config = TokenmanConfig(accounts: [Fixture.exabits])
        let gateway = EngineGateway(config: config, store: store, environment: [:])
        let runner = CommandRunner(client: .live(gateway: gateway, configChanged: { _ in }), clipboard: Fixture.model().clipboardSetup)

        #expect(await CommandRunner.message(for: .reloadStore, client: runner.client) == .storeReloaded(.success(["gpu": tokens])))
        #expect(await CommandRunner.message(for: .reloadStore, client: runner.client) == nil)
        #expect(await CommandRunner.message(for: .reloadStore, client: runner.client) == nil)

        let renewed = TokenSet(accessToken: "a-2", obtainedAt: Fixture.t0 + 60)
        try store.save(renewed, account: "gpu")
        #expect(await CommandRunner.message(for: .reloadStore, client: runner.client) == .storeReloaded(.success(["gpu": renewed])))
        #expect(await CommandRunner.message(for: .reloadStore, client: runner.client) == nil)
    }

    /// The UI's first frame reads the store itself and hands the stamp on: the first poll
    /// after it decodes nothing when nothing changed.
    @Test func theFirstPollAfterStartUpSkipsAnUnchangedStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-reload-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = TokenStore(directory: directory)
        try store.save(TokenSet(accessToken: "a-1", obtainedAt: Fixture.t0), account: "gpu")
        let gateway = EngineGateway(config: TokenmanConfig(accounts: [Fixture.exabits]), store: store, environment: [:])
        let first = try #require(try gateway.service.storedTokens(ifChangedFrom: nil))
        let client = EngineClient.live(gateway: gateway, lastReading: first.stamp, configChanged: { _ in })
        #expect(await CommandRunner.message(for: .reloadStore, client: client) == nil)
    }

    @Test func anUnchangedAnswerLeavesTheModelAlone() async {
        var client = EngineClient.unexpected
        client.storedTokens = { .success(nil) }
        var app = AppHarness(client: client)
        #expect(await app.run([.reloadStore]).isEmpty)
    }
}
