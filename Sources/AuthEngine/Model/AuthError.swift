import CheckedNumbers
import FoundationEssentials

/// Every way a flow can fail, with a message a person understands.
/// Messages never contain a password, token or response body: those can hold secrets.
public enum AuthError: Error, Sendable, Equatable {
    /// The provider rejected the username or password (or the API token).
    case wrongCredentials(String)
    /// The provider rejected the request's fields (422, 400 validation_error, a too-short password).
    case validation(String)
    /// Too many attempts; `retryAfter` seconds when the provider said (`Retry-After`).
    case rateLimited(retryAfter: TimeInterval?, message: String)
    /// The provider refused the request for a reason other than credentials (403).
    case forbidden(String)
    /// A refresh or revoke was refused because the token is expired, revoked or rotated out.
    case tokenRejected(String)
    /// The NEW_PASSWORD_REQUIRED session ran out; log in again.
    case challengeExpired
    /// The provider will not log the user in until the password is reset with a code
    /// (Cognito `PasswordResetRequiredException`): the UI opens the forgot-password form.
    case passwordResetRequired(String)
    /// The provider answered 5xx.
    case serverError(status: Int, message: String)
    /// DNS, connection refused, no route.
    case unreachable(String)
    case timeout
    case tls(String)
    /// The answer was not what the provider documents (HTML page, malformed JSON, missing field,
    /// dropped connection mid-answer).
    case unexpectedResponse(String)
    /// http:// to a non-loopback host.
    case insecureTransport(String)
    /// The flow needs something the account or provider does not have (no refresh token,
    /// no refresh endpoint, no forgot-password endpoint, no username).
    case unsupported(String)
    /// An interactive password is needed but no person can be asked.
    case needsInteractiveLogin(String)
    /// A non-interactive password source failed (env var unset, command failed).
    case secretUnavailable(String)
    /// The token store could not be read or written (permissions, disk full, corrupt file).
    case storage(String)
    case cancelled

    /// One line for a status bar, a form or stderr.
    public var message: String {
        switch self {
        case .wrongCredentials(let m): return m.isEmpty ? "Wrong username or password." : m
        case .validation(let m): return m.isEmpty ? "The provider rejected the input." : m
        case .rateLimited(let wait, let m):
            let base = m.isEmpty ? "Too many attempts." : m
            guard let wait else { return base }
            return "\(base) Retry in \(Int(clamping: wait, rounding: .up))s."
        case .forbidden(let m): return m.isEmpty ? "Forbidden by the provider." : m
        case .tokenRejected(let m): return m.isEmpty ? "The provider refused the token; log in again." : m
        case .challengeExpired: return "The password-change session expired; log in again."
        case .passwordResetRequired(let m):
            return m.isEmpty ? "The password must be reset: request a code with forgot-password." : m
        case .serverError(let status, let m):
            return m.isEmpty ? "The provider failed (HTTP \(status))." : "The provider failed (HTTP \(status)): \(m)"
        case .unreachable(let m): return "Cannot reach the provider: \(m)"
        case .timeout: return "The provider did not answer in time."
        case .tls(let m): return "Secure connection failed: \(m)"
        case .unexpectedResponse(let m): return "Unexpected answer from the provider: \(m)"
        case .insecureTransport(let host): return "Refusing plain http:// to \(host): only loopback may skip TLS."
        case .unsupported(let m): return m
        case .needsInteractiveLogin(let m): return m
        case .secretUnavailable(let m): return m
        case .storage(let m): return "Token store: \(m)"
        case .cancelled: return "Cancelled."
        }
    }
}

extension AuthError: LocalizedError {
    public var errorDescription: String? { message }
}
