import AuthEngine

/// The exit statuses of the scripting commands, documented in the README. Every failure is
/// mapped here and nowhere else, so the table in the README and the code cannot drift apart.
///
/// Usage errors keep ArgumentParser's 64 (`EX_USAGE`): the parser exits with it for every bad
/// flag or argument, so choosing another number for our own checks would give one mistake two
/// codes. `exec` exits with its command's status (126/127 when it cannot be started, as shells do).
enum CLIExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// Anything not listed below: unreadable token store, unsupported operation, cancelled.
    case failure = 1
    /// The config file is missing, unreadable or wrong (message names file:line: field), or
    /// names no such account.
    case configError = 3
    /// A person must act: no usable tokens and no non-interactive password source (or no
    /// terminal to ask on), a password source that failed, a NEW_PASSWORD_REQUIRED challenge.
    case needsInteractiveLogin = 4
    /// The provider rejected the username/password, the token, or the input (a too-short password).
    case badCredentials = 5
    /// The provider could not be reached: connection refused, DNS, timeout, TLS.
    case network = 6
    /// The provider failed or answered something unexpected (5xx, HTML, malformed JSON, 403).
    case providerError = 7
    /// The provider said to slow down (429).
    case rateLimited = 8
    /// A bad flag or argument (ArgumentParser's `EX_USAGE`).
    case usage = 64

    /// One-line meaning, for `tokenman help-exit-codes`-style docs and the man page.
    var meaning: String {
        switch self {
        case .success: "success"
        case .failure: "other failure (token store, unsupported operation, cancelled)"
        case .configError: "config error (file:line: field: message) or unknown account"
        case .needsInteractiveLogin: "needs interactive login (no usable tokens and no way to log in without a person)"
        case .badCredentials: "credentials, token or input rejected by the provider"
        case .network: "network: unreachable, timeout or TLS failure"
        case .providerError: "provider error: 5xx, forbidden or unexpected answer"
        case .rateLimited: "rate limited by the provider"
        case .usage: "usage: bad flag or argument"
        }
    }
}

/// A failure a command reports on stderr before exiting with `status`.
struct CLIFailure: Error, Sendable {
    var status: CLIExitStatus
    var message: String

    init(_ status: CLIExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    init(_ error: ConfigError) {
        self.init(.configError, error.description)
    }

    init(_ error: AuthError) {
        self.init(Self.status(for: error), error.message)
    }

    static func status(for error: AuthError) -> CLIExitStatus {
        switch error {
        case .wrongCredentials, .tokenRejected, .validation: .badCredentials
        case .needsInteractiveLogin, .secretUnavailable, .challengeExpired, .passwordResetRequired: .needsInteractiveLogin
        case .unreachable, .timeout, .tls: .network
        case .serverError, .unexpectedResponse, .forbidden: .providerError
        case .rateLimited: .rateLimited
        // A plain http:// base URL to a remote host is a config mistake, not a network failure.
        case .insecureTransport: .configError
        case .unsupported, .storage, .cancelled: .failure
        }
    }
}
