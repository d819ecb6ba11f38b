/// Where a provider sent a password-reset code (Cognito's `CodeDeliveryDetails`), so the person
/// knows which inbox or phone to look at. The destination is already masked by the provider
/// (`a***@e***.com`, `+*******9934`).
public struct PasswordResetDelivery: Sendable, Equatable {
    public var destination: String
    /// `EMAIL` or `SMS`.
    public var medium: String?
    /// The user attribute the destination came from (`email`, `phone_number`).
    public var attribute: String?

    public init(destination: String, medium: String? = nil, attribute: String? = nil) {
        self.destination = destination
        self.medium = medium
        self.attribute = attribute
    }

    /// "a***@e*** (email)" for a form's status line or the CLI.
    public var summary: String {
        guard let medium, !medium.isEmpty else { return destination }
        return "\(destination) (\(medium.lowercased()))"
    }
}
