import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

@Suite("Form screens")
struct FormScreenTests {
    /// Selects prod-wme (Wikimedia, password typed in) and opens its login form.
    private func loginForm() -> AppModel {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("l"))
        return model
    }

    @Test func loginSubmitsTypedPasswordAndMasksIt() {
        var model = loginForm()
        Fixture.type(&model, "s3cret")
        let canvas = Fixture.render(model, height: 14)
        #expect(!canvas.lines.joined().contains("s3cret"))
        #expect(canvas.lines.contains { $0.contains("Password  ••••••") })
        let commands = Fixture.keys(&model, .enter)
        #expect(commands == [.login(account: "prod-wme", password: "s3cret", requestID: 1)])
        guard case .login(let screen) = model.screen else { Issue.record("left the form"); return }
        #expect(screen.form.isSubmitting)
        #expect(model.activity(of: "prod-wme").operation == .loggingIn)
    }

    @Test func loginRequiresAPasswordForPromptAccounts() {
        var model = loginForm()
        #expect(Fixture.keys(&model, .enter).isEmpty)
        guard case .login(let screen) = model.screen else { Issue.record("left the form"); return }
        #expect(screen.form.fields[0].validationMessage == "Password is required")
    }

    @Test func loginWithEmptyPasswordUsesTheConfiguredSource() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("G"), .character("l"))
        #expect(Fixture.render(model, height: 14).lines.contains { $0.contains("leave it empty to use $SHOP_PW") })
        #expect(Fixture.keys(&model, .enter) == [.login(account: "shop", password: nil, requestID: 1)])
    }

    @Test func challengeReachedStraightFromLogin() {
        var model = loginForm()
        Fixture.type(&model, "temp")
        _ = Fixture.keys(&model, .enter)
        let challenge = AccountChallenge(name: "NEW_PASSWORD_REQUIRED", session: "sess", username: "alice", startedAt: Fixture.t0, expiresAt: Fixture.t0 + 180)
        _ = AppUpdate.update(&model, .loginFinished(account: "prod-wme", requestID: 1, .success(.challenge(challenge))))
        guard case .newPassword(let screen) = model.screen else { Issue.record("no challenge form: \(model.screen)"); return }
        #expect(screen.challenge == challenge)
        #expect(Fixture.render(model, height: 16).lines.contains { $0.contains("This session ends in 3:00.") })
        // Too short for Wikimedia, then the two differ, then it goes.
        Fixture.type(&model, "abc")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "abc")
        #expect(Fixture.keys(&model, .enter).isEmpty)
        #expect(NewPasswordScreen.from(model.screen)?.form.fields[0].validationMessage == "At least 6 characters")
        _ = Fixture.keys(&model, .control("u"))
        Fixture.type(&model, "abcdef")
        _ = Fixture.keys(&model, .tab, .control("u"))
        Fixture.type(&model, "abcdeg")
        #expect(Fixture.keys(&model, .enter).isEmpty)
        #expect(NewPasswordScreen.from(model.screen)?.form.fields[1].validationMessage == "The two new passwords differ")
        _ = Fixture.keys(&model, .backspace)
        Fixture.type(&model, "f")
        #expect(Fixture.keys(&model, .enter) == [.answerChallenge(account: "prod-wme", challenge: challenge, newPassword: "abcdef", requestID: 2)])
        let tokens = TokenSet(accessToken: "new", obtainedAt: Fixture.t0)
        _ = AppUpdate.update(&model, .challengeAnswered(account: "prod-wme", requestID: 2, .success(tokens)))
        #expect(model.screen == .accounts)
        #expect(model.expiry(of: "prod-wme") == tokens.expiry)
        #expect(model.activity(of: "prod-wme").pendingChallenge == nil)
    }

    @Test func staleRepliesAreIgnored() {
        var model = loginForm()
        Fixture.type(&model, "pw")
        _ = Fixture.keys(&model, .enter, .escape)
        #expect(model.screen == .accounts)
        // Another login form opened meanwhile: the old reply must not close or fill it.
        _ = Fixture.keys(&model, .character("l"))
        _ = AppUpdate.update(&model, .loginFinished(account: "prod-wme", requestID: 1, .failure(.wrongCredentials("nope"))))
        guard case .login(let screen) = model.screen else { Issue.record("left the form"); return }
        #expect(screen.form.formError == nil)
        // A late success still records the tokens the engine stored, without moving screens.
        let tokens = TokenSet(accessToken: "late", obtainedAt: Fixture.t0)
        _ = AppUpdate.update(&model, .loginFinished(account: "prod-wme", requestID: 1, .success(.loggedIn(tokens))))
        #expect(model.expiry(of: "prod-wme") == tokens.expiry)
        if case .login = model.screen {} else { Issue.record("stale success moved the screen") }
    }

    @Test func serverErrorShownInTheForm() {
        var model = loginForm()
        Fixture.type(&model, "pw")
        _ = Fixture.keys(&model, .enter)
        _ = AppUpdate.update(&model, .loginFinished(account: "prod-wme", requestID: 1, .failure(.wrongCredentials("Incorrect username or password."))))
        let lines = Fixture.render(model, height: 14).lines
        #expect(lines.contains { $0.contains("│ Incorrect username or password.") })
        guard case .login(let screen) = model.screen else { Issue.record("left the form"); return }
        #expect(!screen.form.isSubmitting)
    }

    @Test func forgotPasswordTwoSteps() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("f"))
        guard case .forgotPassword = model.screen else { Issue.record("no forgot form"); return }
        var target = Fixture.wikimedia
        target.username = "alice"
        #expect(Fixture.keys(&model, .enter) == [.requestPasswordReset(account: target, requestID: 1)])
        _ = AppUpdate.update(&model, .passwordResetRequested(account: "prod-wme", requestID: 1, error: nil))
        guard case .forgotPassword(let step2) = model.screen else { Issue.record("left"); return }
        #expect(step2.step == .code(username: "alice"))
        Fixture.type(&model, "123456")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "brandnew")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "brandnew")
        #expect(Fixture.keys(&model, .enter) == [.confirmPasswordReset(account: target, code: "123456", newPassword: "brandnew", requestID: 2)])
        _ = AppUpdate.update(&model, .passwordResetConfirmed(account: "prod-wme", requestID: 2, error: nil))
        guard case .login = model.screen else { Issue.record("not on the login form"); return }
    }

    @Test func forgotPasswordOnlyWhereTheProviderHasIt() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("G"), .character("f"))
        #expect(model.screen == .accounts)
        #expect(model.status?.text == "ByteConnect has no forgot-password endpoint")
    }

    @Test func changePasswordValidatesThenSubmits() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("p"))
        guard case .changePassword = model.screen else { Issue.record("no change form"); return }
        Fixture.type(&model, "old-pw")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "new-pw-1")
        _ = Fixture.keys(&model, .tab)
        Fixture.type(&model, "new-pw-2")
        #expect(Fixture.keys(&model, .enter).isEmpty)
        let lines = Fixture.render(model, width: 72, height: 16).lines
        #expect(lines.contains { $0.contains("The two new passwords differ") })
        #expect(!lines.joined().contains("new-pw"))
        _ = Fixture.keys(&model, .backspace)
        Fixture.type(&model, "1")
        #expect(Fixture.keys(&model, .enter) == [.changePassword(account: "prod-wme", oldPassword: "old-pw", newPassword: "new-pw-1", requestID: 1)])
        _ = AppUpdate.update(&model, .passwordChanged(account: "prod-wme", requestID: 1, error: nil))
        #expect(model.screen == .accounts)
    }

    @Test func tabAndShiftTabMoveFocus() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("p"), .tab, .tab)
        guard case .changePassword(let screen) = model.screen else { Issue.record("no form"); return }
        #expect(screen.form.focusedField?.id == "repeat")
        _ = Fixture.keys(&model, .backTab)
        guard case .changePassword(let after) = model.screen else { Issue.record("no form"); return }
        #expect(after.form.focusedField?.id == "new")
    }
}
