import AuthEngine
import FoundationEssentials
import PlatformSupport
import Synchronization

/// Where a command gets what it must ask a person: the terminal (echo off for secrets), or,
/// with `--stdin`, standard input one answer per line (for scripts and tests; secrets are
/// never taken from argv, where other users can read them).
enum AnswerSource: Sendable {
    case terminal
    case standardInput(StandardInputLines)

    /// `--stdin` reads standard input; otherwise the terminal, when there is one.
    static func choose(stdin: Bool) -> AnswerSource? {
        if stdin { return .standardInput(StandardInputLines()) }
        return TerminalPrompt.isAvailable ? .terminal : nil
    }

    func secret(_ prompt: String) throws(AuthError) -> String {
        switch self {
        case .terminal: return try TerminalPrompt.ask(prompt, secret: true)
        case .standardInput(let lines): return try lines.next(for: prompt)
        }
    }

    func text(_ prompt: String) throws(AuthError) -> String {
        switch self {
        case .terminal: return try TerminalPrompt.ask(prompt, secret: false)
        case .standardInput(let lines): return try lines.next(for: prompt)
        }
    }

    /// Asked twice on a terminal; once from standard input (a script has no typos to catch).
    func newPassword(for account: String) throws(AuthError) -> String {
        switch self {
        case .terminal: return try TerminalPrompt.askNewPassword(for: account)
        case .standardInput(let lines): return try lines.next(for: "new password")
        }
    }

    /// For `AccountService`'s resolver: the account's password from this source.
    var passwordPrompt: PasswordPrompt {
        { account throws(AuthError) in try self.secret("Password for \(account.name) (\(account.username ?? "no username")): ") }
    }
}

/// Standard input split into lines, read once on first use.
final class StandardInputLines: Sendable {
    private let lines: LockedLines

    init() {
        lines = LockedLines()
    }

    func next(for what: String) throws(AuthError) -> String {
        guard let line = lines.pop() else {
            var described = Substring(what)
            while let first = described.first, first == ":" || first == " " { described = described.dropFirst() }
            while let last = described.last, last == ":" || last == " " { described = described.dropLast() }
            throw .needsInteractiveLogin("Standard input ended before the answer for \"\(described)\".")
        }
        return line
    }
}

/// Standard input's lines, read whole on first use and handed out one at a time.
private final class LockedLines: Sendable {
    private let remaining = Mutex<[String]?>(nil)

    func pop() -> String? {
        remaining.withLock { remaining in
            if remaining == nil {
                let data = StandardStream.readInput()
                remaining = String(decoding: data, as: UTF8.self)
                    .split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            }
            guard var lines = remaining, !lines.isEmpty else { return nil }
            let first = lines.removeFirst()
            // A trailing newline leaves one empty last element: that is not an answer.
            if lines.isEmpty, first.isEmpty { remaining = []; return nil }
            remaining = lines
            return first
        }
    }
}
