/// Where a password (or an API token) comes from. tokenman never writes passwords to disk:
/// they are asked for, read from the environment, or printed by a command such as
/// `pass show work/exabits` (as mail clients and aws-vault do).
public enum SecretSource: Sendable, Equatable {
    /// Ask the person each time (TUI form or terminal prompt); not usable non-interactively.
    case prompt
    /// The named environment variable.
    case environment(String)
    /// A shell command whose first line of standard output is the secret.
    case command(String)

    /// True when the secret can be obtained without a person, so automatic re-login may use it.
    public var isNonInteractive: Bool {
        if case .prompt = self { return false }
        return true
    }
}
