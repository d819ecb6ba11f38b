import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

@Suite("Actions, overlays, clipboard")
struct ActionTests {
    @Test func logoutNeedsConfirmation() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"))
        #expect(Fixture.keys(&model, .character("x")).isEmpty)
        guard case .confirm = model.overlay else { Issue.record("no dialog"); return }
        #expect(Fixture.render(model, height: 12).lines.contains { $0.contains("y log out  n keep") })
        #expect(Fixture.keys(&model, .character("n")).isEmpty)
        #expect(model.overlay == nil)
        #expect(Fixture.keys(&model, .character("x"), .character("y")) == [.logout(account: "prod-wme")])
        _ = AppUpdate.update(&model, .logoutFinished(account: "prod-wme", error: nil))
        #expect(model.expiry(of: "prod-wme") == nil)
    }

    @Test func failedLogoutKeepsTokensAndShowsTheError() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("x"), .character("y"))
        _ = AppUpdate.update(&model, .logoutFinished(account: "prod-wme", error: .unexpectedResponse("HTML page instead of JSON")))
        #expect(model.expiry(of: "prod-wme") != nil)
        // Too long for one row of 72: the status line wraps onto two (the list gives one up).
        let lines = Fixture.render(model).lines
        #expect(lines[5].contains("prod-wme: Unexpected answer from the provider: HTML page"))
        #expect(lines[6].contains("JSON"))
    }

    @Test func refreshAllOnlyLoggedInAccounts() {
        var model = Fixture.model()
        #expect(Fixture.keys(&model, .character("R")) == [.refresh(account: "prod-wme"), .refresh(account: "shop")])
        // Already in flight: not asked again.
        #expect(Fixture.keys(&model, .character("R")).isEmpty)
    }

    @Test func copyAccessTokenCountsDownAndClears() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("c"))
        guard case .copyMenu = model.overlay else { Issue.record("no copy menu"); return }
        #expect(Fixture.keys(&model, .character("a")) == [.copy(text: Fixture.jwt, label: "access token")])
        #expect(Fixture.render(model).lines[6] == " copied access token · clears in 0:45                                   ")
        _ = AppUpdate.update(&model, .ticked(Fixture.t0 + 3))
        #expect(Fixture.render(model, now: Fixture.t0 + 3).lines[6].hasPrefix(" copied access token · clears in 0:42"))
        #expect(AppUpdate.update(&model, .ticked(Fixture.t0 + 44)).isEmpty)
        let commands = AppUpdate.update(&model, .ticked(Fixture.t0 + 45))
        guard case .clearClipboard(let state)? = commands.first else { Issue.record("no clear: \(commands)"); return }
        #expect(state.fingerprint == ClipboardState.fingerprint(of: Fixture.jwt))
        #expect(model.clipboard == nil)
    }

    @Test func copyMenuOffersTheProvidersHeaderLines() {
        var model = Fixture.model()
        let gpu = TokenSet(accessToken: "acc", refreshToken: "ref", obtainedAt: Fixture.t0)
        model.setTokens(gpu, of: "gpu")
        let store = Fixture.storedTokens.merging(["gpu": gpu]) { _, new in new }
        _ = Fixture.keys(&model, store: store, .character("c"))
        #expect(Fixture.keys(&model, store: store, .character("h")) == [.copy(text: "Authorization: Bearer acc\nrefresh-token: ref", label: "both headers (Authorization, refresh-token)")])
        _ = Fixture.keys(&model, .character("G"), .character("c"))
        #expect(Fixture.keys(&model, .character("3")) == [.copy(text: "\"access_token\": \"shop-access-token-0123456789abcdef\"", label: "JSON body field \"access_token\"")])
    }

    @Test func quitClearsAPendingClipboard() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("c"), .character("a"))
        let commands = Fixture.keys(&model, .character("q"))
        #expect(commands.count == 2)
        #expect(commands.last == .quit)
    }

    @Test func detailMasksUntilRevealed() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .enter)
        #expect(DetailScreen.mask(Fixture.jwt) == "eyJhbGci…•••• (85 chars)")
        var text = Fixture.render(model, height: 30).lines.joined(separator: "\n")
        #expect(text.contains("Access token   eyJhbGci…•••• (85 chars)"))
        #expect(!text.contains(Fixture.jwt))
        #expect(text.contains("  expires      2023-11-14 22:28:20 UTC (in 15m) · from expires_in"))
        #expect(text.contains("    exp       2023-11-14 22:28:20 UTC (in 15m)"))
        #expect(text.contains("    sub       alice"))
        _ = Fixture.keys(&model, .character("r"))
        text = Fixture.render(model, width: 120, height: 30).lines.joined(separator: "\n")
        #expect(text.contains(Fixture.jwt))
    }

    @Test func detailShowsAccountFieldsAndScrolls() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("G"), .enter)
        let lines = Fixture.render(model, height: 30).lines
        #expect(lines.contains { $0.hasPrefix("Affiliate id   77") })
        #expect(lines.contains { $0.hasPrefix("Subdomain      acme") })
        _ = Fixture.keys(&model, .character("j"), .character("j"))
        #expect(Fixture.render(model).lines[1].hasPrefix("User "))
        _ = Fixture.keys(&model, .escape)
        #expect(model.screen == .accounts)
    }

    @Test func helpOverlayOpensAndCloses() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("?"))
        #expect(Fixture.render(model, width: 80, height: 24).lines.contains { $0.contains("forgot password") })
        _ = Fixture.keys(&model, .escape)
        #expect(model.overlay == nil)
    }

    @Test func tinySizesNeverCrash() {
        var models: [AppModel] = []
        var base = Fixture.model()
        models.append(base)
        base.overlay = .help
        models.append(base)
        base.overlay = nil
        for keys in [[Key.character("j"), .character("l")], [.character("j"), .enter], [.character("j"), .character("p")], [.character("j"), .character("x")], [.character("j"), .character("c")], [.character("a")], [.character("/")]] {
            var model = Fixture.model()
            for key in keys { _ = AppUpdate.update(&model, .keyPressed(key)) }
            models.append(model)
        }
        for model in models {
            for width in 0...24 {
                for height in 0...7 {
                    let canvas = AppView.render(model, now: Fixture.t0, size: Size(width: width, height: height))
                    #expect(canvas.size == Size(width: width, height: height))
                }
            }
        }
        var model = Fixture.model()
        _ = AppUpdate.update(&model, .resized(Size(width: 1, height: 1)))
        _ = Fixture.keys(&model, .pageDown, .character("G"), .character("g"), .enter, .pageDown, .character("G"))
    }
}
