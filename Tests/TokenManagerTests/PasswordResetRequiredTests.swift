import AuthEngine
import Foundation
import Testing
@testable import TokenManager

/// Cognito's PasswordResetRequiredException leads from the login form into the forgot-password
/// form, and the code form says where the provider sent the code.
@Suite struct PasswordResetRequiredTests {
    @Test func loginRefusedForAResetOpensTheForgotPasswordForm() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("j"), .character("l"))
        guard case .login = model.screen else { Issue.record("no login form"); return }
        Fixture.type(&model, "old-pass")
        _ = Fixture.keys(&model, .enter)
        _ = AppUpdate.update(&model, .loginFinished(account: "prod-wme", requestID: 1, .failure(.passwordResetRequired("Reset first."))))
        guard case .forgotPassword(let screen) = model.screen else { Issue.record("not on the forgot-password form: \(model.screen)"); return }
        #expect(screen.step == .username)
        #expect(screen.form.value(of: "username") == "alice")
        #expect(Fixture.render(model, height: 14).lines.contains { $0.contains("Reset first.") })

        // The code request answers with Cognito's masked destination, shown in the code form.
        _ = Fixture.keys(&model, .enter)
        let delivery = PasswordResetDelivery(destination: "a***@e***", medium: "EMAIL", attribute: "email")
        _ = AppUpdate.update(&model, .passwordResetRequested(account: "prod-wme", requestID: 2, error: nil, delivery: delivery))
        guard case .forgotPassword(let step2) = model.screen else { Issue.record("left the form"); return }
        #expect(step2.step == .code(username: "alice", destination: "a***@e*** (email)"))
        #expect(Fixture.render(model, height: 14).lines.contains { $0.contains("sent to a***@e*** (email)") })
    }
}
