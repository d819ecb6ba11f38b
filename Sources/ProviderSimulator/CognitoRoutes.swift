import CheckedNumbers
import FoundationEssentials

/// AWS Cognito user pools' JSON API, under `/cognito`: every operation is a `POST /` naming
/// itself in `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`; errors are HTTP 400
/// with `{"__type": "<Exception>", "message"}`, as Cognito answers. One public app client
/// (`clientID`, no secret). Written from Cognito's API reference, not from the app.
struct CognitoRoutes: ProviderRoutes {
    static let clientID = "tokenman-sim-client"
    static let targetPrefix = "AWSCognitoIdentityProviderService."

    let store: SimulatorStore
    var provider: SimulatedProvider { .cognito }

    func respond(to request: HTTPRequest, path: String) -> HTTPResponse {
        guard path == "/" else { return notFound(path) }
        return allow(["POST"], request) { request in
            guard let target = request.header("X-Amz-Target"), target.hasPrefix(Self.targetPrefix) else {
                return fail("UnknownOperationException", "Missing or unknown X-Amz-Target.")
            }
            guard let body = request.jsonObject() else { return fail("SerializationException", "The body must be a JSON object.") }
            let operation = String(target.dropFirst(Self.targetPrefix.count))
            if operation != "GlobalSignOut", operation != "ChangePassword", operation != "GetUser",
               body.string("ClientId") != Self.clientID {
                return fail("ResourceNotFoundException", "User pool client does not exist.")
            }
            switch operation {
            case "InitiateAuth": return initiateAuth(body)
            case "RespondToAuthChallenge": return respondToChallenge(body)
            case "ForgotPassword": return forgotPassword(body)
            case "ConfirmForgotPassword": return confirmForgotPassword(body)
            case "ChangePassword": return changePassword(body)
            case "RevokeToken": return revokeToken(body)
            case "GlobalSignOut": return globalSignOut(body)
            case "GetUser": return getUser(body)
            default: return fail("UnknownOperationException", "Unknown operation \(operation).")
            }
        }
    }

    // MARK: Operations

    private func initiateAuth(_ body: JSONObject) -> HTTPResponse {
        let parameters = body.object("AuthParameters")
        switch body.string("AuthFlow") {
        case "USER_PASSWORD_AUTH":
            guard let username = parameters.string("USERNAME"), let password = parameters.string("PASSWORD") else {
                return fail("InvalidParameterException", "Missing required parameter USERNAME or PASSWORD")
            }
            return store.transaction { state, now in
                guard let stored = state.users.find(username, on: provider), stored.user.password == password else {
                    return fail("NotAuthorizedException", "Incorrect username or password.")
                }
                if stored.user.isDisabled { return fail("NotAuthorizedException", "User is disabled.") }
                if stored.user.requiresPasswordReset { return fail("PasswordResetRequiredException", "Password reset required for the user") }
                if stored.user.requiresNewPassword {
                    let session = WikimediaRoutes.randomSession()
                    state.newPasswordSessions[session] = NewPasswordSession(username: username, expiresAt: now.addingTimeInterval(store.newPasswordSessionLifetime))
                    return .json(200, ["ChallengeName": "NEW_PASSWORD_REQUIRED", "Session": .string(session),
                                       "ChallengeParameters": ["USER_ID_FOR_SRP": .string(username), "requiredAttributes": "[]"]])
                }
                return authenticationResult(&state, username: username, now: now, withRefresh: true)
            }
        case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN":
            guard let refreshToken = parameters.string("REFRESH_TOKEN") else {
                return fail("InvalidParameterException", "Missing required parameter REFRESH_TOKEN")
            }
            return store.transaction { state, now in
                guard case .valid(let id, let record) = state.tokens.check(refreshToken, provider: provider, uses: [.refresh], now: now) else {
                    return fail("NotAuthorizedException", "Invalid Refresh Token")
                }
                return authenticationResult(&state, username: record.username, now: now, withRefresh: false, parentID: id)
            }
        default:
            return fail("InvalidParameterException", "Unsupported AuthFlow.")
        }
    }

    private func respondToChallenge(_ body: JSONObject) -> HTTPResponse {
        let responses = body.object("ChallengeResponses")
        guard body.string("ChallengeName") == "NEW_PASSWORD_REQUIRED", let session = body.string("Session"),
              let username = responses.string("USERNAME"), let newPassword = responses.string("NEW_PASSWORD")
        else {
            return fail("InvalidParameterException", "Missing required parameter for NEW_PASSWORD_REQUIRED.")
        }
        if let problem = Self.passwordProblem(newPassword) { return fail("InvalidPasswordException", problem) }
        return store.transaction { state, now in
            let challenge = state.newPasswordSessions.removeValue(forKey: session)
            guard let challenge, challenge.username == username, now < challenge.expiresAt else {
                return fail("NotAuthorizedException", "Invalid session for the user, session is expired.")
            }
            state.users.update(username, on: provider) {
                $0.password = newPassword
                $0.requiresNewPassword = false
            }
            return authenticationResult(&state, username: username, now: now, withRefresh: true)
        }
    }

    /// "Sends" a code through the output sink and says where, masked, as Cognito does.
    private func forgotPassword(_ body: JSONObject) -> HTTPResponse {
        guard let username = body.string("Username") else { return fail("InvalidParameterException", "Missing Username.") }
        let sent: (code: String, email: String)? = store.transaction { state, now in
            guard let stored = state.users.find(username, on: provider) else { return nil }
            let code = ConfirmationCode.randomDigits()
            state.confirmationCodes[username] = ConfirmationCode(code: code, expiresAt: now.addingTimeInterval(store.confirmationCodeLifetime))
            state.lastConfirmationCodes[username] = code
            return (code, stored.user.email)
        }
        guard let sent else { return fail("UserNotFoundException", "Username/client id combination not found.") }
        store.output("[cognito] forgot-password code for \(username): \(sent.code)")
        return .json(200, ["CodeDeliveryDetails": ["Destination": .string(Self.mask(sent.email)), "DeliveryMedium": "EMAIL", "AttributeName": "email"]])
    }

    private func confirmForgotPassword(_ body: JSONObject) -> HTTPResponse {
        guard let username = body.string("Username"), let code = body.string("ConfirmationCode"), let password = body.string("Password") else {
            return fail("InvalidParameterException", "Missing Username, ConfirmationCode or Password.")
        }
        if let problem = Self.passwordProblem(password) { return fail("InvalidPasswordException", problem) }
        return store.transaction { state, now in
            guard let pending = state.confirmationCodes[username], now < pending.expiresAt else {
                state.confirmationCodes[username] = nil
                return fail("ExpiredCodeException", "Invalid code provided, please request a code again.")
            }
            guard pending.code == code else { return fail("CodeMismatchException", "Invalid verification code provided, please try again.") }
            state.confirmationCodes[username] = nil
            state.users.update(username, on: provider) {
                $0.password = password
                $0.requiresPasswordReset = false
                $0.requiresNewPassword = false
            }
            return .json(200, [:])
        }
    }

    private func changePassword(_ body: JSONObject) -> HTTPResponse {
        guard let proposed = body.string("ProposedPassword") else { return fail("InvalidParameterException", "Missing ProposedPassword.") }
        if let problem = Self.passwordProblem(proposed) { return fail("InvalidPasswordException", problem) }
        return withAccessToken(body) { state, record in
            guard state.users.find(record.username, on: provider)?.user.password == body.string("PreviousPassword") else {
                return fail("NotAuthorizedException", "Incorrect username or password.")
            }
            state.users.update(record.username, on: provider) { $0.password = proposed }
            return .json(200, [:])
        }
    }

    /// Revokes the refresh token and what was minted from it; unknown tokens succeed (RFC 7009).
    private func revokeToken(_ body: JSONObject) -> HTTPResponse {
        guard let token = body.string("Token") else { return fail("InvalidParameterException", "Missing Token.") }
        return store.transaction { state, _ in
            if let claims = state.tokens.signer.verify(token), state.tokens.record(ofSigned: token, provider: provider)?.use == .refresh {
                state.tokens.revoke(claims.tokenID, cascade: true)
            }
            return .json(200, [:])
        }
    }

    private func globalSignOut(_ body: JSONObject) -> HTTPResponse {
        withAccessToken(body) { state, record in
            state.tokens.revokeAll(provider: provider, username: record.username)
            return .json(200, [:])
        }
    }

    private func getUser(_ body: JSONObject) -> HTTPResponse {
        withAccessToken(body) { state, record in
            let email = state.users.find(record.username, on: provider)?.user.email ?? ""
            return .json(200, ["Username": .string(record.username), "UserAttributes": [["Name": "email", "Value": .string(email)]]])
        }
    }

    // MARK: Helpers

    private func withAccessToken(_ body: JSONObject, _ handler: (inout SimulatorState, TokenRecord) -> HTTPResponse) -> HTTPResponse {
        store.transaction { state, now in
            switch state.tokens.check(body.string("AccessToken") ?? "", provider: provider, uses: [.access], now: now) {
            case .valid(_, let record): return handler(&state, record)
            case .expired: return fail("NotAuthorizedException", "Access Token has expired")
            case .revoked: return fail("NotAuthorizedException", "Access Token has been revoked")
            case .invalid: return fail("NotAuthorizedException", "Invalid Access Token")
            }
        }
    }

    private func authenticationResult(_ state: inout SimulatorState, username: String, now: Date, withRefresh: Bool, parentID: String? = nil) -> HTTPResponse {
        let lifetimes = state.lifetimes(of: provider)
        var result: [String: JSONValue] = ["TokenType": "Bearer", "ExpiresIn": .int(Int(clamping: lifetimes.access, rounding: .toNearestOrAwayFromZero))]
        let parent: String
        if withRefresh {
            let pair = state.issuePair(provider: provider, username: username, now: now)
            result["AccessToken"] = .string(pair.access.jwt)
            result["RefreshToken"] = .string(pair.refresh.jwt)
            parent = pair.refresh.id
        } else {
            parent = parentID ?? ""
            result["AccessToken"] = .string(state.tokens.issue(.access, provider: provider, username: username, lifetime: lifetimes.access, parentID: parent, now: now).jwt)
        }
        result["IdToken"] = .string(state.tokens.issue(.id, provider: provider, username: username, lifetime: lifetimes.access, parentID: parent, now: now).jwt)
        return .json(200, ["AuthenticationResult": .object(result), "ChallengeParameters": [:]])
    }

    private func fail(_ type: String, _ message: String) -> HTTPResponse {
        provider.errorResponse(400, code: type, message: message)
    }

    /// Cognito's default policy, shortened: at least 8 characters.
    static func passwordProblem(_ password: String) -> String? {
        password.count >= 8 ? nil : "Password did not conform with policy: Password not long enough"
    }

    /// `alice@example.com` → `a***@e***`, as Cognito masks a destination.
    static func mask(_ email: String) -> String {
        let parts = email.split(separator: "@", maxSplits: 1)
        guard parts.count == 2, let user = parts[0].first, let domain = parts[1].first else { return "***" }
        return "\(user)***@\(domain)***"
    }
}
