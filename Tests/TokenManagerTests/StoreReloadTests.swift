import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The UI's store poll (`.reloadStore` every 10 s) through the live client: an unchanged
/// `tokens.json` answers no message at all, a changed one the whole reading.
@Suite struct StoreReloadTests {
    /// `message` without the file stamp of its reading (which a test cannot know).
    static func unstamped(_ message: AppMessage?) -> AppMessage? {
        guard case .storeReloaded(.success(var reading))? = message else { return message }
        reading.stamp = nil
        return .storeReloaded(.success(reading))
    }

    @Test func theLiveClientRereadsOnlyAChangedStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-reload-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = TokenStore(directory: directory)
        let tokens = TokenSet(accessToken: "a-1", obtainedAt: Fixture.t0)
        try store.save(tokens, account: "gpu")
        let config = TokenmanConfig(accounts: [Fixture.exabits])
        let gateway = EngineGateway(config: config, store: store, environment: [:])
        let runner = CommandRunner(client: .live(gateway: gateway, configChanged: { _ in }), clipboard: Fixture.model().clipboardSetup)

        #expect(Self.unstamped(await CommandRunner.message(for: .reloadStore, client: runner.client)) == .storeReloaded(.success(AccountExpiries(names: ["gpu"], tokens: ["gpu": tokens]))))
        #expect(await CommandRunner.message(for: .reloadStore, client: runner.client) == nil)
        #expect(await CommandRunner.message(for: .reloadStore, client: runner.client) == nil)

        let renewed = TokenSet(accessToken: "a-2", obtainedAt: Fixture.t0 + 60)
        try store.save(renewed, account: "gpu")
        #expect(Self.unstamped(await CommandRunner.message(for: .reloadStore, client: runner.client)) == .storeReloaded(.success(AccountExpiries(names: ["gpu"], tokens: ["gpu": renewed]))))
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
        let first = try #require(try gateway.service.storedExpiries(ifChangedFrom: nil))
        let client = EngineClient.live(gateway: gateway, lastReading: first.stamp, configChanged: { _ in })
        #expect(await CommandRunner.message(for: .reloadStore, client: client) == nil)
    }

    /// An entry that cannot be decoded reaches the UI as unreadable, named with its reason, and
    /// the list and details say so: before, the account showed "logged out", as if it had never
    /// logged in, while its entry sat in the file.
    @Test func anUnreadableEntryIsShownAsSuchNotAsLoggedOut() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-reload-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = TokenStore(directory: directory)
        try store.save(TokenSet(accessToken: "a-1", obtainedAt: Fixture.t0), account: "prod-wme")
        var text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"accounts\" : {", with: """
            "accounts" : {
                "gpu" : {"accessToken": "dead", "accessExpiresAt": "-4712-01-01T00:00:00.000Z", "obtainedAt": "2025-06-15T15:06:40.000Z",
                 "accessExpirySource": "jwt_exp", "refreshExpirySource": "unknown", "attributes": {}},
            """)
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.filePath))
        let gateway = EngineGateway(config: TokenmanConfig(accounts: [Fixture.wikimedia, Fixture.exabits]), store: store, environment: [:])
        let message = try #require(await CommandRunner.message(for: .reloadStore, client: EngineClient.live(gateway: gateway, configChanged: { _ in })))
        guard case .storeReloaded(.success(let reading)) = message else { Issue.record("\(message)"); return }
        #expect(reading.names == ["prod-wme", "gpu"])
        #expect(reading.entries[1] == .unreadable("bad value at accessExpiresAt"))
        guard case .expiry = reading.entries[0] else { Issue.record("prod-wme: \(reading.entries[0])"); return }

        var model = Fixture.model()
        model.size = Size(width: 100, height: 10)
        _ = AppUpdate.update(&model, message)
        let row = try #require(AppView.render(model, now: model.now, size: model.size).lines.first { $0.contains("gpu") })
        #expect(row.contains("unreadable"))
        #expect(!row.contains("logged out"))
        model.screen = .detail(DetailScreen(account: "gpu"))
        let detail = AppView.render(model, now: model.now, size: model.size).lines.joined(separator: "\n")
        #expect(detail.contains("Stored entry   cannot be read: bad value at accessExpiresAt"))
        #expect(!detail.contains("dead"))
    }

    @Test func anUnchangedAnswerLeavesTheModelAlone() async {
        var client = EngineClient.unexpected
        client.storedExpiries = { .success(nil) }
        var app = AppHarness(client: client)
        #expect(await app.run([.reloadStore]).isEmpty)
    }
}
