import Foundation
import ProviderSimulator
import Testing

@Suite("tokenman login, logout, revoke, passwords", .endToEndSlot)
struct CliSessionTests {
    @Test func loginFromStandardInputThenLogoutNeedsALoginAgain() async throws {
        let fixture = try CliFixture()
        let login = try await fixture.tokenman("login", "ss-prompt", "--stdin", stdin: "demo-pass-3\n")
        #expect(login.status == 0, "\(login)")
        #expect(login.stdout.isEmpty)
        let token = try await fixture.tokenman("token", "ss-prompt")
        #expect(token.status == 0)
        let logout = try await fixture.tokenman("logout", "ss-prompt")
        #expect(logout.status == 0, "\(logout)")
        // Starship's logout revoked the token server-side, and the store forgot it.
        #expect(try await LoopbackHTTP.status(method: "GET", url: fixture.url(.starship) + "/api/balance", headers: ["Authorization: Bearer \(token.output)"]) == 401)
        let after = try await fixture.tokenman("token", "ss-prompt")
        #expect(after.status == 4, "\(after)")
    }

    @Test func revokeInvalidatesAtTheProviderAndIsRefusedWhereImpossible() async throws {
        let fixture = try CliFixture()
        let token = try await fixture.tokenman("token", "ss").output
        let revoke = try await fixture.tokenman("revoke", "ss")
        #expect(revoke.status == 0, "\(revoke)")
        #expect(try await LoopbackHTTP.status(method: "GET", url: fixture.url(.starship) + "/api/balance", headers: ["Authorization: Bearer \(token)"]) == 401)
        let status = try CliFixture.json(try await fixture.tokenman("list", "--json")) as? [[String: Any]]
        #expect(status?.first { $0["account"] as? String == "ss" }?["state"] as? String == "logged-out")

        #expect(try await fixture.tokenman("token", "bc").status == 0)
        let impossible = try await fixture.tokenman("revoke", "bc")
        #expect(impossible.status == 1)
        #expect(impossible.stderr.contains("no logout or revoke endpoint"))
    }

    @Test func wikimediaRevokeKillsTheRefreshToken() async throws {
        let fixture = try CliFixture()
        let refresh = try await fixture.tokenman("token", "wm", "--kind", "refresh").output
        #expect(try await fixture.tokenman("revoke", "wm").status == 0)
        let status = try await LoopbackHTTP.status(
            method: "POST", url: fixture.url(.wikimedia) + "/v1/token-refresh",
            body: #"{"username":"demo","refresh_token":"\#(refresh)"}"#)
        #expect(status == 401)
    }

    @Test func newPasswordChallengeAnsweredFromStandardInput() async throws {
        let fixture = try CliFixture()
        let withoutAnswer = try await fixture.tokenman("login", "newbie", "--stdin", stdin: "temp-pass-5\n")
        #expect(withoutAnswer.status == 4, "\(withoutAnswer)")
        let login = try await fixture.tokenman("login", "newbie", "--stdin", stdin: "temp-pass-5\nfresh-pass-9\n")
        #expect(login.status == 0, "\(login)")
        #expect(login.stderr.contains("NEW_PASSWORD_REQUIRED"))
        #expect(fixture.simulator.password(of: "newbie", on: .wikimedia) == "fresh-pass-9")
        #expect(try await fixture.tokenman("token", "newbie", "--kind", "id").status == 0)
    }

    @Test func forgotPasswordInTwoSteps() async throws {
        let fixture = try CliFixture()
        let request = try await fixture.tokenman("forgot-password", "wm", "--request-only")
        #expect(request.status == 0, "\(request)")
        let code = try #require(fixture.simulator.lastForgotPasswordCode(for: "demo"))
        let wrong = try await fixture.tokenman("forgot-password", "wm", "--code", "000000x", "--stdin", stdin: "reset-pass-8\n")
        #expect(wrong.status == 5, "\(wrong)")
        let confirm = try await fixture.tokenman("forgot-password", "wm", "--code", code, "--stdin", stdin: "reset-pass-8\n")
        #expect(confirm.status == 0, "\(confirm)")
        #expect(fixture.simulator.password(of: "demo", on: .wikimedia) == "reset-pass-8")
        let login = try await fixture.tokenman("token", "wm", extra: ["TM_TEST_PW_WM": "reset-pass-8"])
        #expect(login.status == 0)
        let unsupported = try await fixture.tokenman("forgot-password", "ss", "--request-only")
        #expect(unsupported.status == 1)
    }

    @Test func forgotPasswordWithoutTerminalOrStdinNeedsAPerson() async throws {
        let fixture = try CliFixture()
        let result = try await fixture.tokenman("forgot-password", "wm")
        #expect(result.status == 4, "\(result)")
        // Checked before anything is sent: no code was requested for no one to type in.
        #expect(fixture.simulator.lastForgotPasswordCode(for: "demo") == nil)
        #expect(fixture.simulator.requestCount(for: .wikimedia) == 0)
    }

    @Test func changePasswordFromStandardInput() async throws {
        let fixture = try CliFixture()
        let wrongOld = try await fixture.tokenman("change-password", "wm", "--stdin", stdin: "not-it\nchanged-pass-6\n")
        #expect(wrongOld.status == 5, "\(wrongOld)")
        let result = try await fixture.tokenman("change-password", "wm", "--stdin", stdin: "demo-pass-4\nchanged-pass-6\n")
        #expect(result.status == 0, "\(result)")
        #expect(fixture.simulator.password(of: "demo", on: .wikimedia) == "changed-pass-6")
        #expect(try await fixture.tokenman("change-password", "wm").status == 4)
    }
}
