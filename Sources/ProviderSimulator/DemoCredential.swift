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
    ]

    var user: SimulatedUser {
        SimulatedUser(username: username, password: password, requiresNewPassword: provider == .wikimedia && username == "newbie")
    }
}
