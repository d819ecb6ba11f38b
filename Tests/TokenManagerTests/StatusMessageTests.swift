import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// One current status message (issue 12): a new one replaces the old, `R` ends with a
/// summary, and deleting an account clears what was said about it.
@Suite("Status messages")
struct StatusMessageTests {
    static func statusRow(_ model: AppModel) -> String {
        Fixture.render(model).lines[6].trimmingCharacters(in: .whitespaces)
    }

    @Test func aNewMessageReplacesTheOldAndTheClipboardCountdownWaits() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("c"), .character("a"))
        #expect(Self.statusRow(model) == "copied access token · clears in 0:45")
        model.setStatus("sorted by name")
        #expect(Self.statusRow(model) == "sorted by name")
        model.setStatus("refreshed shop", role: .success)
        #expect(Self.statusRow(model) == "refreshed shop")
        // A new copy replaces that message with its countdown.
        _ = Fixture.keys(&model, .character("c"), .character("a"))
        #expect(Self.statusRow(model) == "copied access token · clears in 0:45")
    }

    @Test func refreshAllSaysHowManySucceededAndFailed() {
        var model = Fixture.model()
        let commands = Fixture.keys(&model, .character("R"))
        #expect(commands == [.refresh(account: "prod-wme"), .refresh(account: "shop")])
        let fresh = TokenSet(accessToken: "a", accessExpiresAt: Fixture.t0 + 600, accessExpirySource: .expiresIn, refreshExpirySource: .unknown, obtainedAt: Fixture.t0)
        _ = AppUpdate.update(&model, .refreshFinished(account: "shop", .failure(.unreachable("connection refused"))))
        #expect(Self.statusRow(model) == "refreshing 2 accounts")
        _ = AppUpdate.update(&model, .refreshFinished(account: "prod-wme", .success(fresh)))
        #expect(Self.statusRow(model) == "refresh all: 1 succeeded, 1 failed")
        #expect(model.status?.role == .warning)
        #expect(model.refreshAllBatch == nil)

        _ = Fixture.keys(&model, .character("R"))
        for name in ["prod-wme", "shop"] { _ = AppUpdate.update(&model, .refreshFinished(account: name, .success(fresh))) }
        #expect(Self.statusRow(model) == "refreshed 2 accounts")
        // A lone `r` afterwards still names its account.
        _ = Fixture.keys(&model, .character("r"))
        _ = AppUpdate.update(&model, .refreshFinished(account: "gpu", .success(fresh)))
        #expect(Self.statusRow(model) == "refreshed gpu")
    }

    @Test func deletingAnAccountClearsItsLastMessage() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"))
        _ = AppUpdate.update(&model, .refreshFinished(account: "prod-wme", .failure(.unreachable("connection refused"))))
        #expect(Self.statusRow(model).hasPrefix("prod-wme: "))
        let remaining = model.accounts.filter { $0.name != "prod-wme" }
        _ = Fixture.keys(&model, .character("d"), .character("y"))
        _ = AppUpdate.update(&model, .configSaved(requestID: 1, .success(ConfigSaved(config: TokenmanConfig(accounts: remaining)))))
        #expect(model.activity["prod-wme"] == nil)
        #expect(Self.statusRow(model) == "deleted prod-wme from the config")
        // Once that message has faded, nothing about prod-wme comes back.
        model.now = Fixture.t0 + StatusMessage.lifetime + 1
        #expect(!Fixture.render(model, now: model.now).lines[6].contains("prod-wme"))
    }
}
