import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// Every screen and overlay as a whole frame, at 80x24 and at a tiny 30x7.
@Suite("Screens as text")
struct ScreenSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 30, height: 7)]
    static let challenge = AccountChallenge(name: "NEW_PASSWORD_REQUIRED", session: "sess", username: "alice", startedAt: Fixture.t0, expiresAt: Fixture.t0 + 180)

    /// The fixture with the list's selection on prod-wme, after `keys`.
    static func model(_ keys: Key...) -> AppModel {
        var model = Fixture.model()
        model.size = sizes[0]
        _ = Fixture.keys(&model, .character("j"))
        for key in keys { _ = Fixture.keys(&model, key) }
        return model
    }

    static let screens: [(String, AppModel)] = {
        var forgotCode = model(.character("f"))
        _ = Fixture.keys(&forgotCode, .enter)
        _ = AppUpdate.update(&forgotCode, .passwordResetRequested(account: "prod-wme", requestID: 1, error: nil))
        var newPassword = model(.character("l"))
        Fixture.type(&newPassword, "pw")
        _ = Fixture.keys(&newPassword, .enter)
        _ = AppUpdate.update(&newPassword, .loginFinished(account: "prod-wme", requestID: 1, .success(.challenge(challenge))))
        var loginFailed = model(.character("l"))
        Fixture.type(&loginFailed, "pw")
        _ = Fixture.keys(&loginFailed, .enter)
        _ = AppUpdate.update(&loginFailed, .loginFinished(account: "prod-wme", requestID: 1, .failure(.wrongCredentials("Incorrect username or password."))))
        return [
            ("accounts", model()),
            ("accounts-filter", model(.character("/"), .character("s"))),
            ("detail", model(.enter)),
            ("detail-revealed", model(.enter, .character("r"))),
            ("login", model(.character("l"))),
            ("login-failed", loginFailed),
            ("new-password", newPassword),
            ("forgot-password", model(.character("f"))),
            ("forgot-password-code", forgotCode),
            ("change-password", model(.character("p"))),
            ("account-add", model(.character("a"))),
            // ← from the first provider wraps to the last, Cognito, whose own keys the form shows.
            ("account-add-cognito", model(.character("a"), .left)),
            ("account-edit", model(.character("e"))),
            ("help", model(.character("?"))),
            ("confirm-logout", model(.character("x"))),
            ("copy-menu", model(.character("c"))),
        ]
    }()

    @Test(arguments: screens.map(\.0))
    func screenAsText(_ name: String) throws {
        let model = try #require(Self.screens.first { $0.0 == name }?.1)
        for size in Self.sizes {
            Snapshot.assert(AppView.render(model, now: Fixture.t0, size: size), named: "\(name)-\(size.width)x\(size.height)")
        }
    }
}
