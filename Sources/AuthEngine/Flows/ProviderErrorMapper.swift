import FoundationEssentials

/// Turns a provider's answer that is not a success into an `AuthError` a person understands.
///
/// A provider's own `message` is shown when it is short, single-line text and contains none of
/// the secrets the request carried (some servers echo input); bodies are never shown whole.
struct ProviderErrorMapper {
    let provider: ProviderDefinition
    /// Passwords and tokens the request carried (raw and as sent), to keep them out of messages.
    let secrets: SecretMatcher

    func error(for response: HTTPResponse, step: FlowStep, now: Date) -> AuthError {
        let body = try? JSONParser.parse(response.body)
        let message = providerMessage(in: body)
        let code = provider.errorFormat.codeKey.flatMap { body?[$0]?.stringValue }?.lowercased()

        switch response.status {
        case 429:
            return .rateLimited(retryAfter: response.retryAfter(now: now), message: message)
        case 403:
            return .forbidden(message)
        case 500...599:
            // A proxy's HTML page in front of a dead upstream is still a server failure (and worth
            // retrying later), so it stays `.serverError`, described rather than quoted.
            if body == nil, !response.body.isEmpty {
                return .serverError(status: response.status, message: ResponseReader.describeNonJSON(response))
            }
            return .serverError(status: response.status, message: message)
        case 401:
            switch step {
            case .login: return .wrongCredentials(message.isEmpty ? "Wrong username or password." : message)
            case .newPasswordChallenge: return .challengeExpired
            case .refresh, .logout, .revoke: return .tokenRejected(tokenRejectedText(message, step: step))
            case .changePassword:
                // Cognito answers 401 both for a wrong previous password and a dead access token.
                if message.lowercased().contains("token") { return .tokenRejected(tokenRejectedText(message, step: step)) }
                return .wrongCredentials(message.isEmpty ? "The current password was not accepted." : message)
            case .forgotPassword, .forgotPasswordConfirm:
                return .validation(message.isEmpty ? "The provider refused the reset request." : message)
            }
        case 400, 422:
            // Starship answers 400 "Invalid refresh token" on refresh: a dead token, not bad input,
            // unless it says validation_error (a missing field).
            if step.presentsToken, code != "validation_error" {
                return .tokenRejected(tokenRejectedText(message, step: step))
            }
            if step == .newPasswordChallenge, Self.mentionsExpiredSession(message) {
                return .challengeExpired
            }
            return .validation(message)
        case 404 where step == .forgotPassword || step == .forgotPasswordConfirm:
            return .validation(message.isEmpty ? "The provider does not know that user." : message)
        default:
            let suffix = message.isEmpty ? "" : ": \(message)"
            return .unexpectedResponse("HTTP \(response.status)\(suffix)")
        }
    }

    /// HTTP 2xx whose envelope says `status: false` (Exabits).
    func envelopeFailure(message raw: JSONValue?, step: FlowStep) -> AuthError {
        let message = sanitized(raw?.stringValue)
        switch step {
        case .login: return .wrongCredentials(message.isEmpty ? "Wrong username or password." : message)
        case .refresh, .logout, .revoke: return .tokenRejected(tokenRejectedText(message, step: step))
        default: return .validation(message)
        }
    }

    private func providerMessage(in body: JSONValue?) -> String {
        sanitized(body?[provider.errorFormat.messageKey]?.stringValue ?? body?["message"]?.stringValue)
    }

    /// Short, single-line, secret-free provider text with its control characters escaped; "" otherwise.
    func sanitized(_ text: String?) -> String {
        ExternalText.providerMessage(text, hiding: secrets)
    }

    private func tokenRejectedText(_ message: String, step: FlowStep) -> String {
        let what = step == .refresh ? "The provider refused the refresh token" : "The provider refused the token"
        return message.isEmpty ? "\(what); log in again." : "\(message) (log in again)."
    }

    private static func mentionsExpiredSession(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.contains("session") && (lower.contains("expired") || lower.contains("invalid"))
    }
}
