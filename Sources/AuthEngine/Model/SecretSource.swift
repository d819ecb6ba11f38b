import FoundationEssentials
import PlatformSupport

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

extension SecretSource {
    /// A non-interactive source as the UI's forms write it: `env:VAR` or `cmd:COMMAND`.
    public init?(formText text: String) {
        let trimmed = text.trimmedWhitespace()
        for (prefix, make) in [("env:", SecretSource.environment), ("cmd:", SecretSource.command)] where trimmed.hasPrefix(prefix) {
            let rest = trimmed.dropFirst(prefix.count).trimmedWhitespace()
            guard !rest.isEmpty else { return nil }
            self = make(rest)
            return
        }
        return nil
    }

    /// `env:VAR` or `cmd:COMMAND`; nil for `.prompt`, which has no such text.
    public var formText: String? {
        switch self {
        case .prompt: nil
        case .environment(let name): "env:\(name)"
        case .command(let command): "cmd:\(command)"
        }
    }
}
