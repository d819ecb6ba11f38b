import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The model keeps expiries only; the details screen and the copy menu read the one account's
/// tokens through the live client, and keep them current when the store changes.
@Suite struct OpenTokensTests {
    struct World {
        let directory: String
        let store: TokenStore
        let client: EngineClient
        var app: AppHarness

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-open-\(UUID().uuidString.prefix(8))").path
            store = TokenStore(directory: directory)
            for (name, tokens) in Fixture.storedTokens { try store.save(tokens, account: name) }
            let gateway = EngineGateway(config: TokenmanConfig(accounts: Fixture.model().accounts), store: store, environment: [:])
            client = EngineClient.live(gateway: gateway, configChanged: { _ in })
            app = AppHarness(model: Fixture.model(), client: client)
        }

        /// Runs `commands` and feeds their answers back until none are left.
        mutating func settle(_ commands: [AppCommand]) async -> [AppCommand] {
            var pending = commands
            var others: [AppCommand] = []
            while !pending.isEmpty {
                let engine = pending.filter { if case .copy = $0 { return false } else { return true } }
                others += pending.filter { if case .copy = $0 { return true } else { return false } }
                pending = app.deliver(await app.run(engine))
            }
            return others
        }

        func detailText() -> String {
            DetailScreen.lines(DetailScreen(account: "prod-wme", isRevealed: true), model: app.model, now: app.model.now).map(\.text).joined(separator: "\n")
        }
    }

    static func renewed(_ access: String) -> TokenSet {
        TokenSet(accessToken: access, refreshToken: "r-prod-2", accessExpiresAt: Fixture.t0 + 3600, accessExpirySource: .expiresIn, obtainedAt: Fixture.t0)
    }

    @Test func openDetailsFollowAnotherProcessesWrite() async throws {
        var world = try World()
        defer { try? FileManager.default.removeItem(atPath: world.directory) }
        _ = await world.settle(world.app.press(.character("j"), .enter))
        #expect(world.detailText().contains(Fixture.jwt))
        #expect(world.app.model.openTokens?.account == "prod-wme")

        // Another process renews prod-wme; the poll sees the store changed and reads the open
        // account's tokens again.
        try world.store.save(Self.renewed("access-from-elsewhere"), account: "prod-wme")
        _ = await world.settle([.reloadStore])
        #expect(world.detailText().contains("access-from-elsewhere"))
        #expect(!world.detailText().contains(Fixture.jwt))

        // Leaving the details forgets the tokens.
        world.app.press(.escape)
        #expect(world.app.model.openTokens == nil)
    }

    @Test func aCopyAfterARenewalCopiesTheNewToken() async throws {
        var world = try World()
        defer { try? FileManager.default.removeItem(atPath: world.directory) }
        _ = await world.settle(world.app.press(.character("j"), .enter))
        // This process's renewal (the scheduler's) updates the open tokens directly.
        let fresh = Self.renewed("renewed-here")
        try world.store.save(fresh, account: "prod-wme")
        _ = world.app.deliver([.schedulerReported(.finished(account: "prod-wme", tokens: fresh))])
        #expect(await world.settle(world.app.press(.character("c"), .character("a"))) == [.copy(text: "renewed-here", label: "access token")])

        // From the list, after another process renewed: the copy reads the store.
        world.app.press(.escape)
        try world.store.save(Self.renewed("renewed-elsewhere"), account: "prod-wme")
        #expect(await world.settle(world.app.press(.character("c"), .character("a"))) == [.copy(text: "renewed-elsewhere", label: "access token")])
        #expect(world.app.model.openTokens == nil)
    }
}
