/// A built-in account, printed by `tokenman simulate` and used by the demo.
public struct DemoCredential: Sendable, Equatable {
    public let provider: SimulatedProvider
    public let username: String
    public let password: String
    public let note: String?

    /// The demo accounts every simulator starts with (unless the configuration turns them off).
    public static let all: [DemoCredential] = [
        DemoCredential(provider: .byteConnect, username: "demo", password: "demo-pass-1", note: nil),
        DemoCredential(provider: .exabits, username: "demo", password: "demo-pass-2", note: "send the lowercase hex MD5 of the password"),
        DemoCredential(provider: .starship, username: "demo", password: "demo-pass-3", note: nil),
        DemoCredential(provider: .wikimedia, username: "demo", password: "demo-pass-4", note: nil),
        DemoCredential(provider: .wikimedia, username: "newbie", password: "temp-pass-5", note: "NEW_PASSWORD_REQUIRED: login answers a challenge"),
        DemoCredential(provider: .cognito, username: "demo", password: "demo-pass-6", note: "app client tokenman-sim-client"),
        DemoCredential(provider: .cognito, username: "newbie", password: "temp-pass-7", note: "NEW_PASSWORD_REQUIRED: login answers a challenge"),
        DemoCredential(provider: .cognito, username: "resetme", password: "old-pass-8", note: "PasswordResetRequiredException: reset with forgot-password"),
    ]

    var user: SimulatedUser {
        SimulatedUser(
            username: username, password: password,
            requiresNewPassword: (provider == .wikimedia || provider == .cognito) && username == "newbie",
            requiresPasswordReset: provider == .cognito && username == "resetme")
    }
}
