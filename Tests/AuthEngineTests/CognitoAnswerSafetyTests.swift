import Foundation
import Testing
@testable import AuthEngine

/// Cognito's answers meet the same rules as every provider's: tokens are checked on receipt,
/// and a message is shown only escaped and free of the request's secrets in any letter case.
@Suite struct CognitoAnswerSafetyTests {
    static func result(access: String, refresh: String = "r-token", id: String = "i-token") -> JSONValue {
        .object([("AccessToken", .string(access)), ("RefreshToken", .string(refresh)),
                 ("IdToken", .string(id)), ("ExpiresIn", .number(3600))])
    }

    @Test(arguments: ["abc\r\nX-Injected: yes", "abc\u{0}def", "abc\u{1b}[2J"])
    func aTokenThatCouldInjectIsRefusedOnReceipt(access: String) {
        let reader = CognitoAnswerReader(provider: .cognito)
        #expect(throws: AuthError.self) { try reader.tokens(from: Self.result(access: access), receivedAt: Date()) }
        #expect(throws: AuthError.self) { try reader.tokens(from: Self.result(access: "ok", id: access), receivedAt: Date()) }
        #expect((try? reader.tokens(from: Self.result(access: "ok.token-1"), receivedAt: Date())) != nil)
    }

    static func response(_ message: String) -> HTTPResponse {
        let body = #"{"__type":"InvalidPasswordException","message":"\#(message)"}"#
        return HTTPResponse(status: 400, body: Data(body.utf8))
    }

    @Test func aMessageRepeatingThePasswordInAnotherCaseIsNotShown() {
        let mapper = CognitoErrorMapper(secrets: ["Hunter2-secret"])
        let error = mapper.error(for: Self.response("password HUNTER2-SECRET is too weak"), step: .changePassword, now: Date())
        #expect(error == .validation("The new password does not meet the user pool's password policy."))
    }

    @Test func controlCharactersInAMessageAreEscaped() {
        let mapper = CognitoErrorMapper(secrets: [])
        let error = mapper.error(for: Self.response(#"too short\u001b]0;owned\u0007"#), step: .changePassword, now: Date())
        #expect(error == .validation("too short\\e]0;owned\\u{0007}"))
    }
}
