import AuthEngine
import FoundationEssentials
import Glibc

/// Asks on the controlling terminal (`/dev/tty`, not stdin/stdout, which a script may have
/// redirected) with echo off for secrets, like `ssh` and `sudo` do.
enum TerminalPrompt {
    /// True when there is a controlling terminal to ask on.
    static var isAvailable: Bool {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// Reads one line; `secret` turns echo off while typing. Throws `.needsInteractiveLogin`
    /// when there is no terminal, `.cancelled` at end of input.
    static func ask(_ prompt: String, secret: Bool) throws(AuthError) -> String {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            throw .needsInteractiveLogin("No terminal to ask on; pass the answers on standard input with --stdin, or set password_env/password_command.")
        }
        defer { close(fd) }
        Console.write(prompt, to: fd)
        let echo = secret ? EchoSuppression(fd: fd) : nil
        defer { echo?.end() }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                if line.isEmpty { throw .cancelled }
                break
            }
            if byte == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// A new password typed twice; retries up to three times when the two differ.
    static func askNewPassword(for account: String) throws(AuthError) -> String {
        for _ in 0..<3 {
            let first = try ask("New password for \(account): ", secret: true)
            let second = try ask("Repeat the new password: ", secret: true)
            if first.isEmpty {
                Console.error("tokenman: the password is empty; try again")
            } else if first == second {
                return first
            } else {
                Console.error("tokenman: the two passwords differ; try again")
            }
        }
        throw .validation("The new passwords did not match.")
    }
}
