import CheckedNumbers
import FoundationEssentials
import PlatformSupport

/// Asks a person for an account's password (TUI form, terminal prompt). Injected by the caller.
public typealias PasswordPrompt = @Sendable (_ account: AccountConfig) async throws(AuthError) -> String

/// Turns an account's `SecretSource` into the secret itself, at the moment it is needed.
/// Secrets are returned to the caller only: never logged, never written, never put into an
/// error message (errors name the variable or command; the command's output is never quoted).
public struct SecretResolver: Sendable {
    public var environment: [String: String]
    public var commandTimeout: TimeInterval
    /// nil when no person can be asked (scripts, the refresh scheduler).
    public var prompt: PasswordPrompt?

    public init(
        environment: [String: String] = ProcessEnvironment.variables,
        commandTimeout: TimeInterval = 10,
        prompt: PasswordPrompt? = nil
    ) {
        self.environment = environment
        self.commandTimeout = commandTimeout
        self.prompt = prompt
    }

    /// The account's password (or API token, for API-token accounts).
    /// - Parameter interactive: false forbids asking a person even when a prompt is available
    ///   (automatic re-login must not pop up a form).
    public func secret(for account: AccountConfig, interactive: Bool = true) async throws(AuthError) -> String {
        switch account.mode {
        case .password(let source):
            return try await resolve(source, account: account, keyPrefix: "password", interactive: interactive)
        case .apiToken(let source):
            return try await resolve(source, account: account, keyPrefix: "api_token", interactive: interactive)
        }
    }

    /// - Parameter keyPrefix: "password" or "api_token", so errors name the config key
    ///   (`password_env`, `api_token_command`) the person has to look at.
    public func resolve(
        _ source: SecretSource,
        account: AccountConfig,
        keyPrefix: String,
        interactive: Bool
    ) async throws(AuthError) -> String {
        switch source {
        case .prompt:
            guard interactive, let prompt else {
                throw .needsInteractiveLogin(
                    "Account \(account.name) needs its \(keyPrefix == "password" ? "password" : "API token") typed in; "
                        + "set \(keyPrefix)_env or \(keyPrefix)_command to log in without a person."
                )
            }
            return try await prompt(account)
        case .environment(let variable):
            return try fromEnvironment(variable, account: account.name, key: "\(keyPrefix)_env")
        case .command(let command):
            return try await fromCommand(command, account: account.name, key: "\(keyPrefix)_command")
        }
    }

    private func fromEnvironment(_ variable: String, account: String, key: String) throws(AuthError) -> String {
        guard let value = environment[variable] else {
            throw .secretUnavailable("\(key) for account \(account): environment variable \(variable) is not set")
        }
        guard !value.isEmpty else {
            throw .secretUnavailable("\(key) for account \(account): environment variable \(variable) is empty")
        }
        return value
    }

    private func fromCommand(_ command: String, account: String, key: String) async throws(AuthError) -> String {
        let outcome = await ShellCommandRunner.run(command, timeout: commandTimeout)
        let result: ShellCommandResult
        switch outcome {
        case .success(let value): result = value
        case .failure(let failure): throw .secretUnavailable("\(key) for account \(account) could not run: \(failure.reason)")
        }
        // The command's own output is never quoted: a failing `pass`/`gpg`/`op` wrapper can print
        // the secret (or part of it) on stderr. Saying that there was output is enough to send
        // the person to run the command themselves.
        let errorLine = result.standardError.isEmpty ? "" : " (its error output is not shown, as it may hold the secret; run the command in a shell to see it)"
        switch result.termination {
        case .timedOut:
            throw .secretUnavailable(
                "\(key) for account \(account) did not finish within \(Self.seconds(commandTimeout))s and was stopped\(errorLine)"
            )
        case .signalled(let signal):
            throw .secretUnavailable("\(key) for account \(account) was killed by signal \(signal)\(errorLine)")
        case .exited(let status) where status != 0:
            throw .secretUnavailable("\(key) for account \(account) exited with status \(status)\(errorLine)")
        case .exited:
            guard let secret = Self.firstLine(of: result.standardOutput, trimmingSpaces: false), !secret.isEmpty else {
                throw .secretUnavailable("\(key) for account \(account) printed nothing on its first line")
            }
            return secret
        }
    }

    /// The first line without its line ending. Secrets keep inner and outer spaces (a password
    /// may contain them); stderr lines are trimmed for display.
    static func firstLine(of data: Data, trimmingSpaces: Bool = true) -> String? {
        // Split on the byte: in Swift "\r\n" is one Character and would not match "\n".
        let lineBytes = data.prefix { $0 != UInt8(ascii: "\n") }
        var result = String(decoding: lineBytes, as: UTF8.self)
        if result.hasSuffix("\r") { result.removeLast() }
        if trimmingSpaces { result = result.trimmedWhitespace() }
        return result.isEmpty ? nil : result
    }

    private static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? String(Int(clamping: interval)) : String(interval)
    }
}
