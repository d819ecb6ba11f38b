import FoundationEssentials
import PlatformSupport

/// Turns a Cognito error answer into an `AuthError`. Cognito names the failure in `__type`
/// (sometimes prefixed `…#`) or the `x-amzn-ErrorType` header (sometimes suffixed `:…`), with a
/// `message`; the HTTP status is almost always 400 and says little.
///
/// The message is shown only when it is one short line free of every secret the request carried:
/// some implementations (moto) put the token or the SECRET_HASH they refused into it.
struct CognitoErrorMapper {
    /// Passwords, tokens, the session and the secret hash of the request.
    let secrets: [String]

    func error(for response: HTTPResponse, step: FlowStep, now: Date) -> AuthError {
        let body = try? JSONParser.parse(response.body)
        let type = Self.errorType(body: body, header: response.headers["x-amzn-ErrorType"])
        let message = sanitized(body?["message"]?.stringValue ?? body?["Message"]?.stringValue)
        switch type {
        case "NotAuthorizedException":
            return notAuthorized(message, step: step)
        case "UserNotFoundException":
            if step == .login { return .wrongCredentials("Wrong username or password (no such user).") }
            return .validation("Cognito does not know that user.")
        case "PasswordResetRequiredException":
            return .passwordResetRequired("The password must be reset: request a code (forgot password), then choose a new password.")
        case "UserNotConfirmedException":
            return .validation("The user has not confirmed the account yet (sign-up confirmation is pending).")
        case "InvalidPasswordException":
            return .validation(message.isEmpty ? "The new password does not meet the user pool's password policy." : message)
        case "CodeMismatchException":
            return .validation("The confirmation code is wrong.")
        case "ExpiredCodeException":
            return .validation("The confirmation code has expired or was already used; request a new one.")
        case "InvalidParameterException":
            return .validation(message.isEmpty ? "Cognito rejected a parameter of the request." : message)
        case "LimitExceededException", "TooManyRequestsException", "TooManyFailedAttemptsException":
            return .rateLimited(retryAfter: response.retryAfter(now: now), message: message.isEmpty ? "Too many attempts; wait before trying again." : message)
        case "ResourceNotFoundException":
            if step == .newPasswordChallenge { return .challengeExpired }
            return .validation("Cognito does not know this app client (check client_id, region and base_url).")
        case "ForbiddenException":
            return .forbidden(message)
        case "InternalErrorException":
            return .serverError(status: response.status, message: message)
        default:
            break
        }
        if response.status == 429 { return .rateLimited(retryAfter: response.retryAfter(now: now), message: message) }
        if (500...599).contains(response.status) {
            if body == nil, !response.body.isEmpty {
                return .serverError(status: response.status, message: ResponseReader.describeNonJSON(response))
            }
            return .serverError(status: response.status, message: message)
        }
        let name = type.map { " \($0)" } ?? ""
        let detail = message.isEmpty ? "" : ": \(message)"
        return .unexpectedResponse("HTTP \(response.status)\(name)\(detail)")
    }

    /// Cognito's catch-all refusal: what was refused depends on the flow.
    private func notAuthorized(_ message: String, step: FlowStep) -> AuthError {
        let lower = message.lowercased()
        switch step {
        case .login:
            return .wrongCredentials(message.isEmpty ? "Wrong username or password." : message)
        case .newPasswordChallenge:
            if lower.contains("session") { return .challengeExpired }
            return .wrongCredentials(message.isEmpty ? "Cognito refused the new-password answer; log in again." : message)
        case .refresh, .logout, .revoke:
            return .tokenRejected(message.isEmpty ? "Cognito refused the token; log in again." : "\(message) (log in again).")
        case .changePassword:
            // The same type covers a wrong previous password and a dead access token.
            if lower.contains("token") { return .tokenRejected("Cognito refused the access token; log in again.") }
            return .wrongCredentials("The current password was not accepted.")
        case .forgotPassword, .forgotPasswordConfirm:
            return .validation(message.isEmpty ? "Cognito refused the password reset." : message)
        }
    }

    /// `NotAuthorizedException` from `"__type": "com.amazonaws…#NotAuthorizedException"` or the
    /// header `NotAuthorizedException:http://internal.amazon.com/…`.
    static func errorType(body: JSONValue?, header: String?) -> String? {
        if let raw = body?["__type"]?.stringValue ?? body?["code"]?.stringValue, !raw.isEmpty {
            return String(raw.split(separator: "#").last ?? Substring(raw))
        }
        if let header, let name = header.split(separator: ":").first, !name.isEmpty {
            return String(name).trimmedWhitespace()
        }
        return nil
    }

    /// Short, single-line text free of the request's secrets (in any letter case, or cut by a
    /// character), control characters escaped; "" otherwise: the same rule as every provider's.
    func sanitized(_ text: String?) -> String {
        ExternalText.providerMessage(text, hiding: SecretMatcher(secrets: secrets))
    }
}
