import AuthEngine
import Foundation
import Testing

/// Every Cognito flow of the engine against moto's Cognito implementation; Cognito's own
/// `GetUser` is the judge of whether an access token is accepted.
@Suite struct CognitoMotoFlowTests {
    @Test func loginRefreshAndErrorsWithAPublicClient() async throws {
        try await withCognitoMoto { moto in
            try await moto.confirmedUser("alice", password: "Alice-Pass-1!")
            let client = try moto.client(secret: false)
            let tokens = try await moto.login(client, "alice", "Alice-Pass-1!")
            #expect(try await moto.admin.userName(accessToken: tokens.accessToken) == "alice")
            #expect(tokens.idToken?.isEmpty == false)
            #expect(tokens.refreshToken?.isEmpty == false)
            #expect(tokens.accessExpirySource == .expiresIn)
            let accessLeft = try #require(tokens.accessSecondsLeft(at: tokens.obtainedAt))
            #expect(accessLeft > 3500 && accessLeft <= 3600) // moto's ExpiresIn is 3600
            #expect(tokens.refreshExpirySource == .documentedLifetime)

            // The wire format the issue names.
            let headers = moto.transport.headers(of: "InitiateAuth")
            #expect(headers.contains(HTTPHeader("Content-Type", "application/x-amz-json-1.1")))
            let body = try #require(moto.transport.lastBody(of: "InitiateAuth"))
            #expect(body["AuthFlow"]?.stringValue == "USER_PASSWORD_AUTH")
            #expect(body["AuthParameters"]?["SECRET_HASH"] == nil) // public client: no hash

            let refreshed = try await client.refresh(tokens)
            #expect(refreshed.accessToken != tokens.accessToken)
            #expect(refreshed.refreshToken == tokens.refreshToken) // Cognito sends none: the old one is kept
            #expect(refreshed.refreshExpiresAt == tokens.refreshExpiresAt)
            #expect(try await moto.admin.userName(accessToken: refreshed.accessToken) == "alice")
            #expect(moto.transport.lastBody(of: "InitiateAuth")?["AuthFlow"]?.stringValue == "REFRESH_TOKEN_AUTH")

            let wrong = await authError { try await client.login(username: "alice", password: "Wrong-Pass-1!") }
            #expect(wrong == .wrongCredentials("Incorrect username or password."))
            let unknown = await authError { try await client.login(username: "nobody", password: "Alice-Pass-1!") }
            #expect(unknown == .wrongCredentials("Wrong username or password (no such user)."))
            var dead = tokens
            dead.refreshToken = "not-a-refresh-token"
            let refused = await authError { try await client.refresh(dead) }
            guard case .tokenRejected = refused else { Issue.record("expected tokenRejected, got \(String(describing: refused))"); return }
        }
    }

    @Test func newPasswordRequiredAndRefreshWithAClientSecret() async throws {
        try await withCognitoMoto { moto in
            try await moto.admin.createUser(pool: moto.pool, username: "newbie", temporaryPassword: "Temp-Pass-1!", email: "newbie@example.com")
            let client = try moto.client(secret: true)
            let outcome = try await client.login(username: "newbie", password: "Temp-Pass-1!")
            guard case .newPasswordRequired(let challenge) = outcome else { Issue.record("expected the challenge, got \(outcome)"); return }
            #expect(challenge.name == "NEW_PASSWORD_REQUIRED")
            #expect(challenge.username == "newbie")
            let expected = try moto.expectedHash(username: "newbie")
            // moto does not check the hash of USER_PASSWORD_AUTH: compare with the one computed here.
            #expect(moto.transport.lastBody(of: "InitiateAuth")?["AuthParameters"]?["SECRET_HASH"]?.stringValue == expected)

            let weak = await authError { try await client.answerNewPasswordChallenge(challenge, newPassword: "short") }
            guard case .validation = weak else { Issue.record("expected validation, got \(String(describing: weak))"); return }
            let tokens = try await client.answerNewPasswordChallenge(challenge, newPassword: "Newbie-Pass-2!")
            let respond = try #require(moto.transport.lastBody(of: "RespondToAuthChallenge"))
            #expect(respond["Session"]?.stringValue == challenge.session)
            #expect(respond["ChallengeResponses"]?["SECRET_HASH"]?.stringValue == expected)
            #expect(try await moto.admin.userName(accessToken: tokens.accessToken) == "newbie")

            // The session is spent: answering again is an expired challenge.
            let again = await authError { try await client.answerNewPasswordChallenge(challenge, newPassword: "Newbie-Pass-3!") }
            #expect(again == .challengeExpired)

            // moto does check the refresh's hash (over the pool's user name).
            let refreshed = try await client.refresh(tokens)
            #expect(try await moto.admin.userName(accessToken: refreshed.accessToken) == "newbie")
            #expect(moto.transport.lastBody(of: "InitiateAuth")?["AuthParameters"]?["SECRET_HASH"]?.stringValue == expected)

            // The new password now logs in without a challenge.
            _ = try await moto.login(client, "newbie", "Newbie-Pass-2!")

            // A wrong client secret: refused, and the hash moto echoes stays out of the message.
            let impostor = try CognitoClient(endpoint: moto.moto.endpoint, clientID: moto.secretClient.id, clientSecret: "not-the-secret", transport: moto.transport)
            let refused = await authError { try await impostor.refresh(tokens) }
            #expect(refused == .tokenRejected("Cognito refused the token; log in again."))
        }
    }

    @Test func forgotPasswordShowsWhereTheCodeWentAndConfirms() async throws {
        try await withCognitoMoto { moto in
            try await moto.confirmedUser("carol", password: "Carol-Pass-1!")
            let client = try moto.client(secret: true)
            let delivery = try await client.requestPasswordReset(username: "carol")
            #expect(delivery == PasswordResetDelivery(destination: "c***@e***", medium: "EMAIL", attribute: "email"))
            #expect(moto.transport.lastBody(of: "ForgotPassword")?["SecretHash"]?.stringValue == (try moto.expectedHash(username: "carol")))
            // moto hands the code out in a header of its own (a real pool emails it).
            let code = try #require(moto.transport.lastResponse(of: "ForgotPassword")?.headers["x-moto-forgot-password-confirmation-code"])

            let wrong = await authError { try await client.confirmPasswordReset(username: "carol", code: "moto-confirmation-code:1", newPassword: "Carol-Pass-2!") }
            #expect(wrong == .validation("The confirmation code has expired or was already used; request a new one."))
            try await client.confirmPasswordReset(username: "carol", code: code, newPassword: "Carol-Pass-2!")
            #expect(moto.transport.lastBody(of: "ConfirmForgotPassword")?["SecretHash"]?.stringValue == (try moto.expectedHash(username: "carol")))

            let old = await authError { try await client.login(username: "carol", password: "Carol-Pass-1!") }
            guard case .wrongCredentials = old else { Issue.record("old password still works: \(String(describing: old))"); return }
            let tokens = try await moto.login(client, "carol", "Carol-Pass-2!")
            #expect(try await moto.admin.userName(accessToken: tokens.accessToken) == "carol")
        }
    }

    @Test func changePasswordThenGlobalSignOut() async throws {
        try await withCognitoMoto { moto in
            try await moto.confirmedUser("dave", password: "Dave-Pass-1!")
            let client = try moto.client(secret: false)
            let tokens = try await moto.login(client, "dave", "Dave-Pass-1!")

            let wrongOld = await authError { try await client.changePassword(tokens: tokens, old: "Not-Dave-1!", new: "Dave-Pass-2!") }
            #expect(wrongOld == .wrongCredentials("The current password was not accepted."))
            let weak = await authError { try await client.changePassword(tokens: tokens, old: "Dave-Pass-1!", new: "weak") }
            guard case .validation = weak else { Issue.record("expected validation, got \(String(describing: weak))"); return }
            try await client.changePassword(tokens: tokens, old: "Dave-Pass-1!", new: "Dave-Pass-2!")
            _ = try await moto.login(client, "dave", "Dave-Pass-2!")

            try await client.signOut(tokens)
            #expect(try await moto.admin.userName(accessToken: tokens.accessToken) == nil)
            let refresh = await authError { try await client.refresh(tokens) }
            guard case .tokenRejected(let message) = refresh else { Issue.record("expected tokenRejected, got \(String(describing: refresh))"); return }
            #expect(!message.contains(tokens.refreshToken ?? "-"))
            // Signing out again: the access token is refused, so RevokeToken is tried (moto 5.2.1
            // does not implement it and fails with an HTML 500, which must read as a server error).
            let again = await authError { try await client.signOut(tokens) }
            guard case .serverError(500, _) = again else { Issue.record("expected serverError, got \(String(describing: again))"); return }
        }
    }

    @Test func otherChallengesAreNamedNotAnswered() async throws {
        try await withCognitoMoto { moto in
            try await moto.confirmedUser("erin", password: "Erin-Pass-1!")
            try await moto.admin.preferSMSMFA(pool: moto.pool, username: "erin")
            let client = try moto.client(secret: false)
            let error = await authError { try await client.login(username: "erin", password: "Erin-Pass-1!") }
            #expect(error == .unsupported("AWS Cognito asks for a code sent by SMS (SMS_MFA), which tokenman does not support yet; sign in once with the pool's hosted UI or the AWS CLI."))
        }
    }
}
