import Foundation
import ProviderSimulator
import Testing

@Suite("TUI: password flows", .endToEndSlot)
struct TuiPasswordFlowTests {
    @Test func newPasswordRequiredFromLogin() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "newbie", provider: .wikimedia, username: "newbie")])
        try await tui.logIn(row: 0, name: "newbie", password: "temp-pass-5")
        try await tui.session.waitFor(text: "New password required · newbie", timeout: 10)
        try await tui.session.type("fresh-pass-6")
        try await tui.session.press("Tab")
        try await tui.session.type("fresh-pass-6")
        try await tui.session.press("Enter")
        try await tui.waitForRow("newbie", "valid") { $0.contains(" valid ") }
        #expect(tui.simulator.password(of: "newbie", on: .wikimedia) == "fresh-pass-6")
    }

    @Test func forgotPasswordWithTheEmailedCode() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")])
        try await tui.session.press("f")
        try await tui.session.waitFor(text: "Forgot password · wm", timeout: 5)
        try await tui.session.press("Enter")  // the username is filled in from the config
        try await tui.session.waitFor(text: "Reset password · wm", timeout: 10)
        let code = try #require(tui.simulator.lastForgotPasswordCode(for: "demo"))
        try await tui.session.type(code)
        try await tui.session.press("Tab")
        try await tui.session.type("reset-pass-7")
        try await tui.session.press("Tab")
        try await tui.session.type("reset-pass-7")
        try await tui.session.press("Enter")
        try await tui.session.waitFor(text: "password reset; log in with the new password", timeout: 10)
        try await tui.session.type("reset-pass-7")
        try await tui.session.press("Enter")
        try await tui.waitForRow("wm", "valid") { $0.contains(" valid ") }
    }

    @Test func changePasswordWhileLoggedIn() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "wm", provider: .wikimedia, username: "demo")])
        try await tui.logIn(row: 0, name: "wm", password: "demo-pass-4")
        try await tui.waitForRow("wm", "valid") { $0.contains(" valid ") }
        try await tui.session.press("p")
        try await tui.session.waitFor(text: "Change password · wm", timeout: 5)
        try await tui.session.type("demo-pass-4")
        try await tui.session.press("Tab")
        try await tui.session.type("changed-8")
        try await tui.session.press("Tab")
        try await tui.session.type("changed-9")
        try await tui.session.press("Enter")
        try await tui.session.waitFor(text: "The two new passwords differ", timeout: 5)
        try await tui.session.press("BSpace")
        try await tui.session.type("8")
        try await tui.session.press("Enter")
        try await tui.session.waitFor(text: "password of wm changed", timeout: 10)
        #expect(tui.simulator.password(of: "demo", on: .wikimedia) == "changed-8")
    }
}
