import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// Focus after a refused reset code, footer hints of one-field forms, the logout dialog's
/// choices and a revealed token's wrapping (issue 12).
@Suite("Form feedback, logout choices, token reveal")
struct FormFeedbackTests {
    /// The forgot-password form at the code step, filled in and sent (request 2).
    static func sentResetCode() -> AppModel {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("f"), .enter)
        _ = AppUpdate.update(&model, .passwordResetRequested(account: "prod-wme", requestID: 1, error: nil))
        Fixture.type(&model, "12345")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "brandnew")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "brandnew")
        _ = Fixture.keys(&model, .enter)
        return model
    }

    static func focusedField(_ model: AppModel) -> String? {
        guard case .forgotPassword(let screen) = model.screen else { return nil }
        return screen.form.focusedField?.id
    }

    @Test func aWrongResetCodeFocusesTheCode() {
        var model = Self.sentResetCode()
        _ = AppUpdate.update(&model, .passwordResetConfirmed(account: "prod-wme", requestID: 2, error: .validation("The confirmation code is wrong.")))
        #expect(Self.focusedField(model) == "code")
        guard case .forgotPassword(let screen) = model.screen else { Issue.record("left the form"); return }
        #expect(screen.form.formError == "The confirmation code is wrong.")
        let canvas = Fixture.render(model, width: 72, height: 16)
        #expect(canvas.cursor.map { canvas.lines[$0.y].contains("Code") } == true)
    }

    @Test func aRefusedPasswordFocusesTheNewPassword() {
        var model = Self.sentResetCode()
        _ = AppUpdate.update(&model, .passwordResetConfirmed(account: "prod-wme", requestID: 2, error: .validation("Password does not conform to policy")))
        #expect(Self.focusedField(model) == "new")
        var offline = Self.sentResetCode()
        _ = AppUpdate.update(&offline, .passwordResetConfirmed(account: "prod-wme", requestID: 2, error: .unreachable("connection refused")))
        #expect(Self.focusedField(offline) == "repeat", "after a network failure the focus stays")
    }

    @Test func oneFieldFormsShowNoFieldMoves() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("f"))
        let hints = AppView.hints(model).map(\.key)
        #expect(!hints.contains("Shift-Tab"))
        #expect(!hints.contains("Tab"))
        #expect(hints.contains("Enter"))
        var two = Fixture.model()
        _ = Fixture.keys(&two, .character("j"), .character("p"))
        #expect(AppView.hints(two).map(\.key).contains("Shift-Tab"))
        #expect(AppView.hints(two).map(\.key).contains("Tab"))
    }

    // MARK: - Logout dialog

    static let pool = AccountConfig(
        name: "pool", providerID: "cognito", username: "dana",
        cognito: CognitoAccountSettings(region: "eu-west-1", clientID: "7abc", clientSecret: nil))

    static func loggedIn(_ accounts: [AccountConfig]) -> AppModel {
        var model = AppModel(accounts: accounts, now: Fixture.t0)
        model.size = Size(width: 80, height: 24)
        for account in accounts {
            model.setTokens(TokenSet(accessToken: "a-\(account.name)", refreshToken: "r-\(account.name)", accessExpiresAt: Fixture.t0 + 600, obtainedAt: Fixture.t0), of: account.name)
        }
        return model
    }

    /// The screen's words, borders and padding removed, so wrapped sentences read as one.
    static func words(_ canvas: Canvas) -> String {
        canvas.lines.map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
    }

    @Test func bothWaysOfferedWhereTheProviderHasBoth() {
        var model = Self.loggedIn([Self.pool])
        #expect(Fixture.keys(&model, .character("x")).isEmpty)
        guard case .confirm(let request) = model.overlay else { Issue.record("no dialog"); return }
        #expect(request.dialog.hints.map(\.key) == ["l", "r", "Esc"])
        let text = Self.words(Fixture.render(model, width: 80, height: 24))
        #expect(text.contains("l log out: \(SessionEnd.logout.effect)"))
        #expect(text.contains("r revoke: \(SessionEnd.revoke.effect)"))
        #expect(Fixture.render(model, width: 80, height: 24).lines.contains { $0.contains("l log out  r revoke  Esc cancel") })
        // y is not an answer here: the person picks one way.
        #expect(Fixture.keys(&model, .character("y")).isEmpty)
        #expect(model.overlay != nil)

        var revoke = model
        #expect(Fixture.keys(&revoke, .character("r")) == [.logout(account: "pool", end: .revoke)])
        #expect(revoke.overlay == nil)
        #expect(revoke.activity(of: "pool").operation == .loggingOut)
        var logout = model
        #expect(Fixture.keys(&logout, .character("l")) == [.logout(account: "pool", end: .logout)])
        var cancel = model
        #expect(Fixture.keys(&cancel, .escape).isEmpty)
        #expect(cancel.overlay == nil)
    }

    @Test func aDialogTooLongForTheScreenScrolls() {
        var model = Self.loggedIn([Self.pool])
        model.size = Size(width: 30, height: 9)
        _ = Fixture.keys(&model, .character("x"))
        let top = Fixture.render(model, width: 30, height: 9).lines
        #expect(top.last?.contains("↓ more") == true)
        #expect(top.contains { $0.contains("l log out  r revoke") }, "the answers always show")
        _ = Fixture.keys(&model, .pageDown, .down, .down, .down, .down, .down, .down)
        let bottom = Fixture.render(model, width: 30, height: 9).lines
        #expect(bottom[0].contains("↑ more"))
        #expect(bottom.last?.contains("↓ more") == false)
        #expect(bottom.joined().contains("renewals)"))
        #expect(Fixture.keys(&model, .character("r")) == [.logout(account: "pool", end: .revoke)])
    }

    @Test func oneWayIsAYesNoSayingWhatItDoes() {
        // Revoke only, then neither: what reaches the provider is said.
        var revokeOnly = Self.loggedIn([Fixture.wikimedia])
        _ = Fixture.keys(&revokeOnly, .character("x"))
        let text = Self.words(Fixture.render(revokeOnly, width: 80, height: 24))
        #expect(text.contains("Log out of prod-wme? This \(SessionEnd.revoke.effect) and forgets its tokens here."))
        #expect(Fixture.keys(&revokeOnly, .character("y")) == [.logout(account: "prod-wme")])

        var neither = Self.loggedIn([Fixture.exabits])
        _ = Fixture.keys(&neither, .character("x"))
        let local = Self.words(Fixture.render(neither, width: 80, height: 24))
        #expect(local.contains("The provider has no logout: this only forgets the tokens of gpu stored here."))
        #expect(local.contains("y forget tokens"))
    }

    @Test func theEngineEndsTheSessionTheChosenWay() async {
        let calls = CallLog()
        var client = EngineClient.unexpected
        client.logout = { account, end in
            calls.record("\(account) \(end?.rawValue ?? "default")")
            return .success(())
        }
        var harness = AppHarness(model: Self.loggedIn([Self.pool]), client: client)
        let messages = await harness.run(harness.press(.character("x"), .character("r")))
        #expect(calls.all == ["pool revoke"])
        #expect(messages == [.logoutFinished(account: "pool", error: nil, end: .revoke)])
        harness.deliver(messages)
        #expect(harness.model.expiry(of: "pool") == nil)
        #expect(harness.model.status?.text == "revoked the refresh token of pool")
    }

    // MARK: - Token reveal

    @Test func aRevealedTokenWrapsAtTheScreenWidth() {
        var model = Fixture.model()
        model.size = Size(width: 40, height: 30)
        _ = Fixture.keys(&model, .character("j"), .enter, .character("r"))
        let lines = Fixture.render(model, width: 40, height: 30).lines
        let start = lines.firstIndex { $0.hasPrefix("Access token") } ?? 0
        var token = ""
        for line in lines[start...] {
            guard line.hasPrefix("Access token") || (line.hasPrefix("               ") && !token.isEmpty && token.count < Fixture.jwt.count) else { break }
            token += line.dropFirst(15).trimmingCharacters(in: .whitespaces)
        }
        #expect(token == Fixture.jwt)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(!lines[start...].prefix(4).joined().contains("…"), "nothing of the token is cut")
    }

    @Test func aRevealedTokenTooLongForTheBodyScrolls() {
        var model = Fixture.model()
        model.size = Size(width: 30, height: 8)
        _ = Fixture.keys(&model, .character("j"), .enter, .character("r"))
        let before = Fixture.render(model, width: 30, height: 8).lines
        _ = Fixture.keys(&model, .end)
        let after = Fixture.render(model, width: 30, height: 8).lines
        #expect(before != after, "the wrapped lines count for scrolling")
    }
}
