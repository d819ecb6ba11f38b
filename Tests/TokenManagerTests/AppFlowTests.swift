import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// Whole round trips: a key, the command it asks for, what the (fake) engine answers through
/// the real runner, and how that answer changes the model.
@Suite("App flows through the engine client")
struct AppFlowTests {
    static let fresh = TokenSet(
        accessToken: "new-access", refreshToken: "new-refresh", accessExpiresAt: Fixture.t0 + 600,
        accessExpirySource: .expiresIn, obtainedAt: Fixture.t0)

    @Test func loginSendsThePasswordAndStoresTheAnswer() async {
        let calls = CallLog()
        var client = EngineClient.unexpected
        client.login = { account, password in
            calls.record("login \(account) \(password ?? "from source")")
            return .success(.loggedIn(Self.fresh))
        }
        var app = AppHarness(client: client)
        app.press(.character("l"))
        app.type("hunter2")
        let commands = app.press(.enter)
        #expect(commands == [.login(account: "gpu", password: "hunter2", requestID: 1)])
        #expect(app.model.activity(of: "gpu").operation == .loggingIn)

        let answers = await app.run(commands)
        #expect(calls.all == ["login gpu hunter2"])
        #expect(answers == [.loginFinished(account: "gpu", requestID: 1, .success(.loggedIn(Self.fresh)))])
        let after = app.send(answers[0]) {
            $0.setTokens(Self.fresh, of: "gpu")
            $0.activity["gpu"] = nil
            $0.screen = .accounts
            $0.setStatus("logged in to gpu", role: .success)
            $0.activityLog.append(.login, "logged in", account: "gpu", at: Fixture.t0)
        }
        #expect(after.isEmpty)
    }

    @Test func refreshStoresNewTokensOrShowsTheError() async {
        var client = EngineClient.unexpected
        client.refresh = { account in
            account == "prod-wme" ? .success(Self.fresh) : .failure(.unreachable("connection refused"))
        }
        var app = AppHarness(client: client)
        let commands = app.press(.character("R"))
        #expect(commands == [.refresh(account: "prod-wme"), .refresh(account: "shop")])
        let answers = await app.run(commands)
        #expect(answers == [
            .refreshFinished(account: "prod-wme", .success(Self.fresh)),
            .refreshFinished(account: "shop", .failure(.unreachable("connection refused"))),
        ])
        #expect(app.model.status?.text == "refreshing 2 accounts")
        // `R` says nothing per account, then one summary when the last is done.
        app.send(answers[0]) {
            $0.setTokens(Self.fresh, of: "prod-wme")
            $0.activity["prod-wme"] = nil
            $0.refreshAllBatch = RefreshAllBatch(pending: ["shop"], succeeded: 1)
            $0.activityLog.append(.renewal, "renewed (by hand)", account: "prod-wme", at: Fixture.t0)
        }
        let old = app.model.expiry(of: "shop")
        app.send(answers[1]) {
            $0.activity["shop"] = AccountActivity(lastError: AuthError.unreachable("connection refused").message)
            $0.refreshAllBatch = nil
            $0.setStatus("refresh all: 1 succeeded, 1 failed", role: .warning)
            $0.activityLog.append(.failure, "renewal failed: Cannot reach the provider: connection refused", account: "shop", at: Fixture.t0)
        }
        #expect(app.model.expiry(of: "shop") == old)
    }

    @Test func logoutAfterConfirmationForgetsTheTokens() async {
        let calls = CallLog()
        var client = EngineClient.unexpected
        client.logout = { account, _ in
            calls.record("logout \(account)")
            return .success(())
        }
        var app = AppHarness(client: client)
        let commands = app.press(.character("j"), .character("x"), .character("y"))
        #expect(commands == [.logout(account: "prod-wme")])
        let answers = await app.run(commands)
        #expect(calls.all == ["logout prod-wme"])
        #expect(answers == [.logoutFinished(account: "prod-wme", error: nil)])
        app.send(answers[0]) {
            $0.setTokens(nil, of: "prod-wme")
            $0.activity["prod-wme"] = nil
            $0.setStatus("logged out of prod-wme", role: .success, account: "prod-wme")
            $0.activityLog.append(.logout, "logged out; tokens forgotten", account: "prod-wme", at: Fixture.t0)
        }
    }

    @Test func copyWritesOSC52ThenClearsWhenDue() async {
        var client = EngineClient.unexpected
        client.loadTokens = { account in .success(Fixture.storedTokens[account]) }
        var app = AppHarness(client: client)
        // The menu reads the account's tokens as it opens; a pick made before they arrive is
        // made when they do.
        let load = app.press(.character("j"), .character("c"), .character("a"))
        #expect(load == [.loadTokens(account: "prod-wme", requestID: 1)])
        let commands = app.deliver(await app.run(load))
        #expect(commands == [.copy(text: Fixture.jwt, label: "access token")])
        // No account's tokens are on screen any more: none are kept.
        #expect(app.model.openTokens == nil && app.model.pendingCopy == nil)
        let copied = await app.run(commands)
        #expect(copied == [.copyFinished(.copied(label: "access token"))])
        #expect(app.terminalWrites == [OSC52.copySequence(Fixture.jwt)])
        // The countdown in the status line says it all; no message on top.
        app.send(copied[0]) { $0.activityLog.append(.copy, "copied access token", account: "prod-wme", at: Fixture.t0) }

        guard let state = app.model.clipboard else {
            Issue.record("no clipboard state after the copy")
            return
        }
        let due = app.send(.ticked(Fixture.t0 + 45)) {
            $0.now = Fixture.t0 + 45
            $0.clipboard = nil
        }
        #expect(due == [.clearClipboard(state)])
        let cleared = await app.run(due)
        #expect(cleared == [.clipboardCleared(.cleared)])
        #expect(app.terminalWrites.last == OSC52.clearSequence())
        app.send(cleared[0]) {
            $0.setStatus("clipboard cleared")
            $0.activityLog.append(.clear, "clipboard cleared", account: "prod-wme", at: Fixture.t0 + 45)
        }
    }

    @Test func savingAnAccountInstallsTheConfigAndReloadsTheStore() async {
        let added = AccountConfig(name: "gpu2", providerID: "exabits", username: "dave", mode: .password(.environment("GPU_PW")))
        let calls = CallLog()
        var client = EngineClient.unexpected
        client.saveAccount = { draft, replacing in
            calls.record("save \(draft.name) replacing \(replacing ?? "nothing")")
            return .success(ConfigSaved(config: TokenmanConfig(accounts: Fixture.model().accounts + [added])))
        }
        let store = Fixture.reading(names: Fixture.model().accounts.map(\.name) + [added.name])
        client.storedExpiries = { .success(store) }
        var app = AppHarness(client: client)
        app.press(.character("a"), .right, .tab)
        app.type("gpu2")
        app.press(.tab)
        app.type("dave")
        app.press(.tab, .tab, .right, .tab)  // the source: environment variable, then its name
        app.type("GPU_PW")
        let commands = app.press(.enter)
        #expect(commands == [.saveAccount(AccountDraft(name: "gpu2", providerID: "exabits", username: "dave", baseURL: nil, mode: .password(.environment("GPU_PW"))), replacing: nil, requestID: 1)])
        let saved = await app.run(commands)
        #expect(calls.all == ["save gpu2 replacing nothing"])
        let reload = app.send(saved[0]) {
            $0.accounts.append(added)
            $0.list.selectedName = "gpu2"
            $0.screen = .accounts
            $0.setStatus("saved gpu2 to the config", role: .success)
        }
        #expect(reload == [.reloadStore])
        let reloaded = await app.run(reload)
        #expect(reloaded == [.storeReloaded(.success(store))])
        app.send(reloaded[0])
    }

    @Test func deletingAnAccountReportsTokensThatCouldNotBeForgotten() async {
        var client = EngineClient.unexpected
        client.deleteAccount = { name in
            let remaining = Fixture.model().accounts.filter { $0.name != name }
            return .success(ConfigSaved(config: TokenmanConfig(accounts: remaining), tokenWarning: "\(name) deleted, but its tokens were not forgotten: disk full"))
        }
        var app = AppHarness(client: client)
        let commands = app.press(.character("j"), .character("d"), .character("y"))
        #expect(commands == [.deleteAccount(name: "prod-wme", requestID: 1)])
        let answers = await app.run(commands)
        let reload = app.send(answers[0]) {
            $0.accounts.removeAll { $0.name == "prod-wme" }
            $0.setTokens(nil, of: "prod-wme")
            $0.list.selectedName = "shop"
            $0.setStatus("prod-wme deleted, but its tokens were not forgotten: disk full", role: .warning)
        }
        #expect(reload == [.reloadStore])
    }

    @Test func aStoreThatCannotBeReadIsShown() async {
        var client = EngineClient.unexpected
        client.storedExpiries = { .failure(.storage("tokens.json: not JSON")) }
        var app = AppHarness(client: client)
        let answers = await app.run([.reloadStore])
        #expect(answers == [.storeReloaded(.failure(.storage("tokens.json: not JSON")))])
        app.send(answers[0]) { $0.setStatus(AuthError.storage("tokens.json: not JSON").message, role: .danger) }
    }
}
