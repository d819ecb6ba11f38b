import AuthEngine

/// What is going on with one account besides its stored tokens.
struct AccountActivity: Equatable, Sendable {
    /// A request in flight for this account (a spinner on its row).
    var operation: Operation?
    /// The last failure, as a one-line message without secrets; cleared by the next success.
    var lastError: String?
    /// A NEW_PASSWORD_REQUIRED session waiting for an answer. In memory only: the session
    /// stands in for the password for a few minutes.
    var pendingChallenge: AccountChallenge?

    enum Operation: String, Equatable, Sendable {
        case loggingIn = "logging in"
        case refreshing
        case loggingOut = "logging out"
        case changingPassword = "changing password"
    }
}
