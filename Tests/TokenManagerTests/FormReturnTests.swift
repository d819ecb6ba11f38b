import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// Forms go back to where they were started (details or the list), and a newly added
/// account is the selected row.
@Suite struct FormReturnTests {
    static let tokens = TokenSet(accessToken: "a", accessExpiresAt: Fixture.t0 + 600, accessExpirySource: .expiresIn, obtainedAt: Fixture.t0)
    static let challenge = AccountChallenge(name: "NEW_PASSWORD_REQUIRED", session: "sess", username: "carol", startedAt: Fixture.t0, expiresAt: Fixture.t0 + 180)

    /// The details of `gpu` (the first row), scrolled by one line.
    static func onDetails() -> AppModel {
        var model = Fixture.model()
        model.size = Size(width: 80, height: 10)
        _ = Fixture.keys(&model, .enter, .down)
        return model
    }

    static var gpuDetails: Screen { .detail(DetailScreen(account: "gpu", scroll: 1)) }

    @Test func loggingInFromDetailsReturnsToThem() {
        var model = Self.onDetails()
        #expect(model.screen == Self.gpuDetails)
        _ = Fixture.keys(&model, .character("l"))
        Fixture.type(&model, "pw")
        // Request 1 read the details' tokens.
        #expect(Fixture.keys(&model, .enter) == [.login(account: "gpu", password: "pw", requestID: 2)])
        _ = AppUpdate.update(&model, .loginFinished(account: "gpu", requestID: 2, .success(.loggedIn(Self.tokens))))
        #expect(model.screen == Self.gpuDetails)
        #expect(model.formOrigin == nil)
        #expect(model.status?.text == "logged in to gpu")
    }

    @Test func cancellingAFormFromDetailsReturnsToThem() {
        var model = Self.onDetails()
        _ = Fixture.keys(&model, .character("l"), .escape)
        #expect(model.screen == Self.gpuDetails)
        // Back on the list, a form goes back to the list.
        _ = Fixture.keys(&model, .escape, .character("l"), .escape)
        #expect(model.screen == .accounts)
    }

    @Test func forgotPasswordFromDetailsReturnsToThem() throws {
        var model = Fixture.model()
        let account = try #require(model.accounts.first { model.provider(of: $0)?.endpoints.forgotPassword != nil })
        model.list.selectedName = account.name
        _ = Fixture.keys(&model, .enter, .character("f"))
        guard case .forgotPassword = model.screen else { Issue.record("f opened no form on details: \(model.screen)"); return }
        _ = Fixture.keys(&model, .escape)
        #expect(model.screen == .detail(DetailScreen(account: account.name)))
    }

    @Test func theNewPasswordChallengeOfALoginFromDetailsReturnsToThem() {
        var model = Self.onDetails()
        _ = Fixture.keys(&model, .character("l"))
        Fixture.type(&model, "old")
        _ = Fixture.keys(&model, .enter)
        _ = AppUpdate.update(&model, .loginFinished(account: "gpu", requestID: 2, .success(.challenge(Self.challenge))))
        guard case .newPassword = model.screen else { Issue.record("no challenge form"); return }
        _ = Fixture.keys(&model, .tab, .tab)
        Fixture.type(&model, "NewPassw0rd!x")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "NewPassw0rd!x")
        _ = Fixture.keys(&model, .enter)
        guard case .newPassword(let form) = model.screen, let requestID = form.requestID else { Issue.record("not submitted: \(model.screen)"); return }
        _ = AppUpdate.update(&model, .challengeAnswered(account: "gpu", requestID: requestID, .success(Self.tokens)))
        #expect(model.screen == Self.gpuDetails)
    }

    @Test func changingThePasswordFromDetailsReturnsToThem() throws {
        var model = Fixture.model()
        // An account whose provider has a change-password endpoint, logged in.
        let account = try #require(model.accounts.first { model.provider(of: $0)?.endpoints.changePassword != nil })
        model.setTokens(Self.tokens, of: account.name)
        model.list.selectedName = account.name
        _ = Fixture.keys(&model, .enter, .character("p"))
        guard case .changePassword = model.screen else { Issue.record("p opened no form on details: \(model.screen)"); return }
        _ = Fixture.keys(&model, .escape)
        #expect(model.screen == .detail(DetailScreen(account: account.name)))
        _ = Fixture.keys(&model, .character("p"))
        _ = AppUpdate.update(&model, .passwordChanged(account: account.name, requestID: 0, error: nil))
        guard case .changePassword(var form) = model.screen else { return }
        // The reply to the request this form sent.
        form.requestID = 7
        model.screen = .changePassword(form)
        _ = AppUpdate.update(&model, .passwordChanged(account: account.name, requestID: 7, error: nil))
        #expect(model.screen == .detail(DetailScreen(account: account.name)))
    }

    @Test func aNewlyAddedAccountIsSelectedAndShown() throws {
        var model = Fixture.model()
        model.size = Size(width: 80, height: 12)
        for index in 0..<20 { model.accounts.append(AccountConfig(name: "acct-\(index < 10 ? "0" : "")\(index)", providerID: "exabits")) }
        let added = AccountConfig(name: "zulu", providerID: "exabits", username: "zed")
        _ = Fixture.keys(&model, .character("a"), .right, .tab)  // second provider: no declared fields
        Fixture.type(&model, "zulu")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "zed")
        _ = Fixture.keys(&model, .tab, .tab, .right, .tab)  // password source: environment variable
        Fixture.type(&model, "ZULU_PW")
        let commands = Fixture.keys(&model, .enter)
        guard case .saveAccount(_, _, let requestID)? = commands.first else { Issue.record("not saved: \(commands)"); return }
        _ = AppUpdate.update(&model, .configSaved(requestID: requestID, .success(ConfigSaved(config: TokenmanConfig(accounts: model.accounts + [added])))))
        #expect(model.screen == .accounts)
        #expect(model.selectedAccount?.name == "zulu")
        // The row is on screen and drawn selected.
        let frame = AppView.render(model, now: model.now, size: model.size)
        let y = try #require(frame.lines.firstIndex { $0.contains("zulu") })
        #expect(frame[x: 3, y: y].role == .selection)
    }
}
