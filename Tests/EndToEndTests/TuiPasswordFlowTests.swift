import Foundation
import ProviderSimulator
import Testing

@Suite("TUI: password flows")
struct TuiPasswordFlowTests {
    @Test func newPasswordRequiredFromLogin() throws {
        let tui = try TuiFixture(accounts: [.init(name: "newbie", provider: .wikimedia, username: "newbie")])
        try tui.logIn(row: 0, name: "newbie", password: "temp-pass-5")
        try tui.session.waitFor(text: "New password required · newbie", timeout: 10)
        try tui.session.type("fresh-pass-6")
        try tui.session.press("Tab")
        try tui.session.type("fresh-pass-6")
        try tui.session.press("Enter")
        try tui.waitForRow("newbie", "valid") { $0.contains(" valid ") }
        #expect(tui.simulator.password(of: "newbie", on: .wikimedia) == "fresh-pass-6")
    }

    @Test func forgotPasswordWithTheEmailedCode() throws {
        let tui = try TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")])
        try tui.session.press("f")
        try tui.session.waitFor(text: "Forgot password · wm", timeout: 5)
        try tui.session.press("Enter")  // the username is filled in from the config
        try tui.session.waitFor(text: "Reset password · wm", timeout: 10)
        let code = try #require(tui.simulator.lastForgotPasswordCode(for: "demo"))
        try tui.session.type(code)
        try tui.session.press("Tab")
        try tui.session.type("reset-pass-7")
        try tui.session.press("Tab")
        try tui.session.type("reset-pass-7")
        try tui.session.press("Enter")
        try tui.session.waitFor(text: "password reset; log in with the new password", timeout: 10)
        try tui.session.type("reset-pass-7")
        try tui.session.press("Enter")
        try tui.waitForRow("wm", "valid") { $0.contains(" valid ") }
    }

    @Test func changePasswordWhileLoggedIn() throws {
        let tui = try TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")])
        try tui.logIn(row: 0, name: "wm", password: "demo-pass-4")
        try tui.waitForRow("wm", "valid") { $0.contains(" valid ") }
        try tui.session.press("p")
        try tui.session.waitFor(text: "Change password · wm", timeout: 5)
        try tui.session.type("demo-pass-4")
        try tui.session.press("Tab")
        try tui.session.type("changed-8")
        try tui.session.press("Tab")
        try tui.session.type("changed-9")
        try tui.session.press("Enter")
        try tui.session.waitFor(text: "The two new passwords differ", timeout: 5)
        try tui.session.press("BSpace")
        try tui.session.type("8")
        try tui.session.press("Enter")
        try tui.session.waitFor(text: "password of wm changed", timeout: 10)
        #expect(tui.simulator.password(of: "demo", on: .wikimedia) == "changed-8")
    }
}
