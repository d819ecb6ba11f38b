import Foundation
import ProviderSimulator
import Testing

@Suite("TUI: clipboard, refresh, logout, faults", .endToEndSlot)
struct TuiClipboardAndFaultTests {
    @Test func copyLandsInTmuxAndIsClearedAfterTheConfiguredTime() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "exa", provider: .exabits, username: "demo"), .init(name: "ship", provider: .starship, username: "demo")], clipboardClearSeconds: 3)
        try await tui.logIn(row: 1, name: "ship", password: "demo-pass-3")
        try await tui.waitForRow("ship", "valid") { $0.contains(" valid ") }
        try await tui.session.press("c")
        try await tui.session.waitFor(text: "Copy · ship", timeout: 5)
        try await tui.session.press("a")
        try await tui.session.waitFor(text: "copied access token · clears in 0:0", timeout: 5)
        let copied = try await tui.session.pasteBuffer()
        #expect(copied.hasPrefix("eyJ") && copied.split(separator: ".").count == 3)
        try await tui.session.waitFor(text: "clipboard cleared", timeout: 8)
        // The status line turns to "cleared" as the clear starts; tmux's buffer is deleted by a
        // separate `tmux delete-buffer` that can land a moment later on a loaded machine.
        var buffer = (try? await tui.session.pasteBuffer()) ?? ""
        let deadline = Date().addingTimeInterval(5)
        while !buffer.isEmpty, Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            buffer = (try? await tui.session.pasteBuffer()) ?? ""
        }
        #expect(buffer.isEmpty)
        // Exabits needs two headers: both lines are copied.
        try await tui.logIn(row: 0, name: "exa", password: "demo-pass-2")
        try await tui.waitForRow("exa", "valid") { $0.contains(" valid ") }
        try await tui.session.press("c")
        try await tui.session.waitFor(text: "Copy · exa", timeout: 5)
        try await tui.session.press("h")
        try await tui.session.waitFor(text: "copied both headers", timeout: 5)
        let headers = try await tui.session.pasteBuffer().split(separator: "\n")
        #expect(headers.count == 2)
        #expect(headers.first?.hasPrefix("Authorization: Bearer ") == true)
        #expect(headers.last?.hasPrefix("refresh-token: ") == true)
    }

    @Test func faultsShowWithoutBreakingTheScreenAndOldTokensStay() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "ship", provider: .starship, username: "demo"), .init(name: "wm", provider: .wikimedia, username: "demo")])
        tui.simulator.setFault(.htmlErrorPage, for: .wikimedia)
        try await tui.logIn(row: 1, name: "wm", password: "demo-pass-4")
        let form = try await tui.session.waitFor(text: "an HTML page instead of JSON", timeout: 10)
        #expect(form.contains("Log in · wm"))
        try await tui.session.press("Escape")
        tui.simulator.setFault(nil, for: .wikimedia)

        try await tui.logIn(row: 0, name: "ship", password: "demo-pass-3")
        try await tui.waitForRow("ship", "valid") { $0.contains(" valid ") }
        let faults: [(SimulatedFault, String)] = [
            (.serverError(status: 503), "HTTP 503"),
            (.malformedJSON, "Unexpected answer"),
            (.dropConnection, "ship:"),
        ]
        var previousStatus = ""
        for (fault, text) in faults {
            tui.simulator.setFault(fault, for: .starship)
            try await tui.select(0)
            try await tui.session.press("r")
            let screen = try await tui.session.waitFor("\(fault) on the status line and row", timeout: 10) { screen in
                let status = TuiFixture.statusLine(of: screen)
                return status != previousStatus && status.contains(text) && status.contains("ship:")
                    && tui.row("ship", in: screen)?.contains(" error ") == true
            }
            previousStatus = TuiFixture.statusLine(of: screen)
            #expect(screen.contains(" tokenman"))
            #expect(screen.contains("l login"))
            // The old tokens stay: the countdown is still there.
            #expect(TuiFixture.accessSeconds(of: tui.row("ship", in: screen) ?? "") != nil)
        }
        tui.simulator.setFault(nil, for: .starship)
        try await tui.session.press("r")
        try await tui.session.waitFor(text: "refreshed ship", timeout: 10)
        try await tui.waitForRow("ship", "valid after refresh") { $0.contains(" valid ") }
    }

    @Test func logoutAfterConfirmation() async throws {
        let tui = try await TuiFixture(accounts: [.init(name: "ship", provider: .starship, username: "demo")])
        try await tui.logIn(row: 0, name: "ship", password: "demo-pass-3")
        try await tui.waitForRow("ship", "valid") { $0.contains(" valid ") }
        try await tui.session.press("x")
        try await tui.session.waitFor(text: "y log out", timeout: 5)
        try await tui.session.press("n")
        try await tui.waitForRow("ship", "still valid") { $0.contains(" valid ") }
        try await tui.session.press("x")
        try await tui.session.waitFor(text: "y log out", timeout: 5)
        try await tui.session.press("y")
        try await tui.waitForRow("ship", "logged out") { $0.contains("logged out") }
        try await tui.session.waitFor(text: "logged out of ship", timeout: 5)
    }

    @Test func automaticRefreshUpdatesTheRow() async throws {
        // Access tokens live 20 s, so the scheduler (renewing at half the lifetime) refreshes
        // within about 10 s without a key being pressed.
        let tui = try await TuiFixture(accounts: [.init(name: "ship", provider: .starship, username: "demo")]) { configuration in
            configuration.setLifetimes(access: 20, for: .starship)
        }
        try await tui.logIn(row: 0, name: "ship", password: "demo-pass-3")
        try await tui.waitForRow("ship", "valid") { $0.contains(" valid ") }
        // Counting down towards the renewal point (10 s left)...
        try await tui.waitForRow("ship", timeout: 15, "countdown near the renewal point") { row in
            TuiFixture.accessSeconds(of: row).map { $0 <= 12 } ?? false
        }
        // ...then renewed by the scheduler: a fresh countdown, no key pressed.
        try await tui.waitForRow("ship", timeout: 10, "renewed") { row in
            row.contains(" valid ") && (TuiFixture.accessSeconds(of: row).map { $0 >= 15 } ?? false)
        }
    }
}
