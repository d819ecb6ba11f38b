/// What a provider documents about new passwords, so a form can say what is wrong before
/// anything is sent (the provider would refuse it anyway, with a less helpful message).
public struct PasswordRules: Sendable, Equatable {
    /// Fewest characters a new password may have (1: any non-empty password).
    public var minimumLength: Int

    public init(minimumLength: Int = 1) {
        self.minimumLength = max(1, minimumLength)
    }
}
