import AuthEngine
import Foundation
import ProviderSimulator
import Testing

/// A hostile provider over real loopback HTTP (the simulator's `.answer` fault): its text never
/// reaches a person raw, its malformed tokens are refused, and it cannot make us repeat secrets.
@Suite struct HostileAnswerTests {
    static func starshipTokens(access: String) -> String {
        #"{"access_token":"\#(access)","refresh_token":"r-0123456789","access_expires_at":"2099-01-01T00:00:00Z","refresh_expires_at":"2099-01-01T00:00:00Z"}"#
    }

    @Test func controlCharactersInAProviderMessageAreEscaped() async throws {
        let harness = try SimulatorHarness()
        let hostile = #"{"error":"unauthorized","message":"\u001b]0;pwned\u0007\u001b[2Jlogin: \u009b31m"}"#
        harness.simulator.setFault(.answer(status: 401, json: hostile), for: .starship)
        let error = try #require(await authError { try await harness.client(.starship).login(username: "demo", password: "demo-pass-3") })
        let message = error.message
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(message.debugDescription)")
        #expect(message.contains(#"\e]0;pwned\u{0007}\e[2Jlogin: \u{009B}31m"#), "\(message)")
    }

    @Test(arguments: [
        (#"abc\r\nX-Injected: yes"#, "line break"),
        (#"abc\u0000def"#, "NUL"),
        (#"abc\u001b[2Jdef"#, "escape"),
        (#"abc def"#, "space"),
        (#"abc\"def"#, "quote"),
        (#"abcdéf"#, "non-ASCII"),
    ])
    func malformedTokensAreRefusedOnReceipt(token: String, flaw: String) async throws {
        let harness = try SimulatorHarness()
        harness.simulator.setFault(.answer(status: 200, json: Self.starshipTokens(access: token)), for: .starship)
        let error = try #require(await authError { try await harness.client(.starship).login(username: "demo", password: "demo-pass-3") })
        guard case .unexpectedResponse(let text) = error else {
            Issue.record("expected unexpectedResponse, got \(error)")
            return
        }
        #expect(text.contains(flaw), "\(text)")
        #expect(text.contains("access_token"))
        #expect(!text.contains("abc"), "the token is not quoted")
    }

    @Test func ordinaryJWTAndOpaqueTokensPassTheCheck() {
        #expect(TokenSyntax.isValid("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_~+/="))
        #expect(TokenSyntax.isValid("0123abcdef!#$%&'()*,:;<>?@[]^`{|}"))
        #expect(!TokenSyntax.isValid(""))
        #expect(!TokenSyntax.isValid("a\\b"))
    }

    /// Wrong-credentials messages repeating the password in any disguise fall back to our text.
    @Test(arguments: ["DEMO-PASS-3", "demo-pass-", "emo-pass-3", "Demo-Pass-3 is wrong"])
    func echoedPasswordInAnyCaseIsNotShown(echo: String) async throws {
        let harness = try SimulatorHarness()
        harness.simulator.setFault(.answer(status: 401, json: #"{"error":"unauthorized","message":"bad password \#(echo)"}"#), for: .starship)
        let error = await authError { try await harness.client(.starship).login(username: "demo", password: "demo-pass-3") }
        #expect(error == .wrongCredentials("Wrong username or password."))
    }

    /// Exabits receives the MD5 of the password: that form, upper-cased too, is a secret as well.
    @Test(arguments: [false, true])
    func echoedMD5OfThePasswordIsNotShown(upperCased: Bool) async throws {
        let harness = try SimulatorHarness()
        var md5 = "c9d598880c6869a199f0b46d64abcf44"  // md5("demo-pass-2"), computed outside tokenman
        if upperCased { md5 = md5.uppercased() }
        harness.simulator.setFault(.answer(status: 200, json: #"{"status":false,"message":"hash \#(md5) unknown","data":null}"#), for: .exabits)
        let error = await authError { try await harness.client(.exabits).login(username: "demo", password: "demo-pass-2") }
        #expect(error == .wrongCredentials("Wrong username or password."))
    }

    /// A harmless provider message is still shown, so the filter above is not simply "never".
    @Test func harmlessMessagesAreStillShown() async throws {
        let harness = try SimulatorHarness()
        harness.simulator.setFault(.answer(status: 401, json: #"{"error":"unauthorized","message":"Account locked"}"#), for: .starship)
        let error = await authError { try await harness.client(.starship).login(username: "demo", password: "demo-pass-3") }
        #expect(error == .wrongCredentials("Account locked"))
    }

    @Test func sanitiserEscapesAndBounds() {
        #expect(ExternalText.displayable("a\u{1B}[2Jb\u{7}\n\u{202E}") == #"a\e[2Jb\u{0007}\n\u{202E}"#)
        let long = String(repeating: "x", count: 500)
        let shown = ExternalText.displayable(long)
        #expect(shown.count == ExternalText.defaultLimit + 1 && shown.hasSuffix("…"))
        #expect(ExternalText.displayable("Grüße, 東京") == "Grüße, 東京")
    }
}
