import FoundationEssentials

/// What a login produced.
public enum LoginOutcome: Sendable, Equatable {
    case tokens(TokenSet)
    /// The provider wants a new password first (Wikimedia/Cognito NEW_PASSWORD_REQUIRED):
    /// answer with `AuthClient.answerNewPasswordChallenge(_:newPassword:)`.
    case newPasswordRequired(ChallengeSession)
}

/// A pending NEW_PASSWORD_REQUIRED challenge. The session is a secret (it stands in for the
/// password for a few minutes), so `description` leaves it out.
public struct ChallengeSession: Sendable, Equatable, CustomStringConvertible {
    /// The provider's challenge name, e.g. `NEW_PASSWORD_REQUIRED`.
    public var name: String
    public var session: String
    /// As sent to the provider (after the username transform).
    public var username: String
    public var startedAt: Date
    /// From the documented session lifetime, when known; the provider has the final word.
    public var expiresAt: Date?

    public init(name: String, session: String, username: String, startedAt: Date, expiresAt: Date?) {
        self.name = name
        self.session = session
        self.username = username
        self.startedAt = startedAt
        self.expiresAt = expiresAt
    }

    public func isExpired(at now: Date) -> Bool {
        expiresAt.map { now >= $0 } ?? false
    }

    public var description: String { "\(name) challenge for \(username) started \(startedAt)" }
}
