import FoundationEssentials
import CheckedNumbers

/// Reads Cognito's answers: `AuthenticationResult` into a `TokenSet`, `ChallengeName` into a
/// challenge, `CodeDeliveryDetails` into a delivery.
struct CognitoAnswerReader {
    let provider: ProviderDefinition

    /// Tokens, a NEW_PASSWORD_REQUIRED challenge, or an error naming a challenge tokenman cannot answer.
    func outcome(of answer: CognitoCall.Answer, username: String) throws(AuthError) -> LoginOutcome {
        if let result = answer.payload["AuthenticationResult"], case .object = result {
            return .tokens(try tokens(from: result, receivedAt: answer.receivedAt))
        }
        guard let name = answer.payload["ChallengeName"]?.stringValue, !name.isEmpty else {
            throw AuthError.unexpectedResponse("the answer has neither AuthenticationResult nor ChallengeName")
        }
        guard name == "NEW_PASSWORD_REQUIRED" else { throw Self.unsupportedChallenge(name) }
        guard let session = answer.payload["Session"]?.stringValue, !session.isEmpty else {
            throw AuthError.unexpectedResponse("the challenge has no Session")
        }
        // RespondToAuthChallenge wants the pool's own name for the user (USER_ID_FOR_SRP), which
        // differs from what was typed when the pool signs in with an email or another alias.
        let parameters = answer.payload["ChallengeParameters"]
        let poolUsername = [parameters?["USER_ID_FOR_SRP"]?.stringValue, parameters?["USERNAME"]?.stringValue]
            .compactMap { $0 }.first { !$0.isEmpty } ?? username
        return .newPasswordRequired(ChallengeSession(
            name: name,
            session: session,
            username: poolUsername,
            startedAt: answer.receivedAt,
            expiresAt: provider.lifetimes.challengeSession.map { answer.receivedAt.adding(clamped: $0) }))
    }

    func tokens(from result: JSONValue, receivedAt: Date) throws(AuthError) -> TokenSet {
        guard let access = nonEmpty(result["AccessToken"]) else {
            throw AuthError.unexpectedResponse("the answer has no AccessToken")
        }
        let refresh = nonEmpty(result["RefreshToken"])
        let idToken = nonEmpty(result["IdToken"])
        // Checked on receipt as every provider's tokens are (`TokenSetReader`): they become
        // header lines and environment values, so a bad one is refused before it is stored.
        try TokenSyntax.requireValid(access, field: "AccessToken")
        if let refresh { try TokenSyntax.requireValid(refresh, field: "RefreshToken") }
        if let idToken { try TokenSyntax.requireValid(idToken, field: "IdToken") }
        let accessExpiry = ExpiryResolver.resolve(
            absolute: nil, expiresIn: result["ExpiresIn"]?.doubleValue, token: access,
            documentedLifetime: provider.lifetimes.access, receivedAt: receivedAt)
        // Cognito's refresh tokens are encrypted (no readable `exp`): the pool's lifetime is not
        // in the answer, so the documented default (30 days) is shown as a guess.
        let refreshExpiry = refresh == nil ? ExpiryResolution.unknown : ExpiryResolver.resolve(
            absolute: nil, expiresIn: nil, token: refresh,
            documentedLifetime: provider.lifetimes.refresh, receivedAt: receivedAt)
        var attributes: [String: String] = [:]
        if let type = nonEmpty(result["TokenType"]) { attributes["token_type"] = type }
        return TokenSet(
            accessToken: access, refreshToken: refresh, idToken: idToken,
            access: accessExpiry, refresh: refreshExpiry, obtainedAt: receivedAt, attributes: attributes)
    }

    func delivery(of answer: CognitoCall.Answer) -> PasswordResetDelivery? {
        let details = answer.payload["CodeDeliveryDetails"]
        guard let destination = nonEmpty(details?["Destination"]) else { return nil }
        return PasswordResetDelivery(
            destination: destination, medium: nonEmpty(details?["DeliveryMedium"]), attribute: nonEmpty(details?["AttributeName"]))
    }

    /// The name Cognito knows the user by, for the refresh's SECRET_HASH: the access token's
    /// `username` claim, else the id token's `cognito:username`, else `sub`. With an email or
    /// phone alias this is the user's `sub`, not what was typed, and Cognito refuses a hash
    /// over anything else.
    static func poolUsername(of tokens: TokenSet) -> String? {
        let access = JWT.decodeIfPossible(tokens.accessToken)
        let id = tokens.idToken.flatMap { JWT.decodeIfPossible($0) }
        let candidates = [
            access?.claim("username")?.stringValue, id?.claim("cognito:username")?.stringValue,
            access?.claim("sub")?.stringValue, id?.claim("sub")?.stringValue,
        ]
        return candidates.compactMap { $0 }.first { !$0.isEmpty }
    }

    static func unsupportedChallenge(_ raw: String) -> AuthError {
        // The name is the provider's text: only a plausible identifier is repeated.
        let plausible = raw.count <= 40 && raw.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        let name = plausible ? raw : "an unknown challenge"
        let what: String
        switch name {
        case "SMS_MFA": what = "a code sent by SMS"
        case "SOFTWARE_TOKEN_MFA": what = "a code from an authenticator app"
        case "MFA_SETUP": what = "setting up multi-factor authentication"
        case "SELECT_MFA_TYPE": what = "choosing a multi-factor method"
        case "EMAIL_OTP": what = "a code sent by email"
        default: what = "a step"
        }
        return .unsupported("AWS Cognito asks for \(what) (\(name)), which tokenman does not support yet; sign in once with the pool's hosted UI or the AWS CLI.")
    }

    private func nonEmpty(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
