/// An account on one simulated provider.
public struct SimulatedUser: Sendable, Equatable {
    /// Matched exactly: Wikimedia usernames are case-sensitive (stored lowercase upstream).
    public var username: String
    /// The plain password. Exabits clients send its lowercase hex MD5 instead.
    public var password: String
    public var email: String
    /// Wikimedia only: login answers a NEW_PASSWORD_REQUIRED challenge instead of tokens.
    public var requiresNewPassword: Bool
    /// Cognito only: login fails with PasswordResetRequiredException until a code resets it.
    public var requiresPasswordReset: Bool
    /// A disabled account: ByteConnect and Starship answer 403, Exabits `status:false`,
    /// Wikimedia 401 "User is disabled.".
    public var isDisabled: Bool
    /// Exabits only: the lowercase hex MD5 to accept instead of MD5(`password`). Lets tests replay
    /// the documentation's own request, whose plain password is unknown.
    public var exabitsPasswordHash: String?

    public init(
        username: String,
        password: String,
        email: String? = nil,
        requiresNewPassword: Bool = false,
        isDisabled: Bool = false,
        exabitsPasswordHash: String? = nil,
        requiresPasswordReset: Bool = false
    ) {
        self.username = username
        self.password = password
        self.email = email ?? "\(username)@example.com"
        self.requiresNewPassword = requiresNewPassword
        self.isDisabled = isDisabled
        self.exabitsPasswordHash = exabitsPasswordHash
        self.requiresPasswordReset = requiresPasswordReset
    }
}
