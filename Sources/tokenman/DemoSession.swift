import CheckedNumbers
import AuthEngine
import FoundationEssentials
import PlatformSupport
import Glibc
import Synchronization
import ProviderSimulator

/// Everything `tokenman demo` sets up and must take down again: a private temp directory
/// (0700) holding a throw-away config and token store, and a provider simulator on a free
/// loopback port. `close()` stops the simulator and deletes the directory; it also runs at
/// process exit, so an early `exit()` leaves nothing behind either.
final class DemoSession: Sendable {
    let directory: String
    let configPath: String
    let stateDirectory: String
    /// Where the simulator's "emails" (forgot-password codes) go, instead of the screen the UI owns.
    let mailLogPath: String
    let simulator: ProviderSimulator
    let port: UInt16
    /// Password variables set in this process only: the config names them with `password_env`,
    /// so no password is written to disk or shows up in a process list.
    let passwordEnvironment: [String: String]
    let configText: String

    struct Account: Sendable {
        var name: String
        var provider: SimulatedProvider
        var providerID: String
        var username: String
        /// nil: typed in (the NEW_PASSWORD_REQUIRED demo user).
        var passwordVariable: String?
        var password: String
        var extraLines: [String] = []
    }

    static let accounts: [Account] = [
        Account(name: "byteconnect-demo", provider: .byteConnect, providerID: "byteconnect", username: "demo",
                passwordVariable: "TOKENMAN_DEMO_PASSWORD_BYTECONNECT", password: "demo-pass-1",
                extraLines: [#"subdomain = "demo-shop""#, #"affiliate_id = "AFF-1001""#]),
        Account(name: "exabits-demo", provider: .exabits, providerID: "exabits", username: "demo",
                passwordVariable: "TOKENMAN_DEMO_PASSWORD_EXABITS", password: "demo-pass-2"),
        Account(name: "starship-demo", provider: .starship, providerID: "starship", username: "demo",
                passwordVariable: "TOKENMAN_DEMO_PASSWORD_STARSHIP", password: "demo-pass-3"),
        Account(name: "wikimedia-demo", provider: .wikimedia, providerID: "wikimedia", username: "demo",
                passwordVariable: "TOKENMAN_DEMO_PASSWORD_WIKIMEDIA", password: "demo-pass-4"),
        Account(name: "wikimedia-newbie", provider: .wikimedia, providerID: "wikimedia", username: "newbie",
                passwordVariable: nil, password: "temp-pass-5"),
        Account(name: "cognito-demo", provider: .cognito, providerID: "cognito", username: "demo",
                passwordVariable: "TOKENMAN_DEMO_PASSWORD_COGNITO", password: "demo-pass-6",
                extraLines: [#"region = "us-east-1""#, #"client_id = "tokenman-sim-client""#]),
    ]

    /// - Parameters:
    ///   - accessLifetime: seconds; providers get this ±15 s so their countdowns differ.
    ///   - refreshLifetime: seconds, for every provider with refresh tokens.
    init(accessLifetime: TimeInterval, refreshLifetime: TimeInterval) throws(CLIFailure) {
        directory = try Self.makePrivateDirectory()
        configPath = directory + "/config.toml"
        stateDirectory = directory + "/state"
        mailLogPath = directory + "/mail.log"
        DemoCleanup.register(directory)

        let mailLog = mailLogPath
        var configuration = SimulatorConfiguration(port: 0)
        configuration.output = { line in DemoSession.append(line, to: mailLog) }
        let spread: [SimulatedProvider: TimeInterval] = [.byteConnect: -15, .exabits: 15, .starship: 0, .wikimedia: 10, .cognito: -5]
        for (provider, offset) in spread {
            configuration.setLifetimes(access: max(10, accessLifetime + offset), refresh: refreshLifetime, for: provider)
        }
        simulator = ProviderSimulator(configuration: configuration)
        do {
            port = try simulator.start()
        } catch {
            DemoCleanup.removeNow()
            throw CLIFailure(.failure, "cannot start the provider simulator: \(error)")
        }
        var passwords: [String: String] = [:]
        for account in Self.accounts {
            if let variable = account.passwordVariable { passwords[variable] = account.password }
        }
        passwordEnvironment = passwords
        configText = Self.config(simulator: simulator, refreshLead: min(20, accessLifetime / 3))
        if let reason = SmallFile.write(Array(configText.utf8), to: configPath, mode: 0o600) {
            close()
            throw CLIFailure(.failure, "cannot write the demo config: \(reason)")
        }
    }

    /// The demo's environment: this process's plus the demo passwords.
    var environment: [String: String] {
        ProcessEnvironment.variables.merging(passwordEnvironment) { $1 }
    }

    /// Logs in the accounts with a password variable, so the list is lively at once. Failures
    /// are reported and skipped: the UI can still log in.
    func logInDemoAccounts() async {
        let config: TokenmanConfig
        do {
            config = try ConfigLoader(environment: environment).load(explicitPath: configPath)
        } catch {
            Console.error("tokenman demo: \(error.description)")
            return
        }
        let service = AccountService(
            config: config,
            store: TokenStore(directory: stateDirectory),
            secrets: SecretResolver(environment: environment)
        )
        for account in Self.accounts where account.passwordVariable != nil {
            do {
                _ = try await service.login(account: account.name)
            } catch {
                Console.error("tokenman demo: could not log in \(account.name): \(error.message)")
            }
        }
    }

    func close() {
        simulator.stop()
        DemoCleanup.removeNow()
    }

    private static func config(simulator: ProviderSimulator, refreshLead: TimeInterval) -> String {
        var lines = [
            "# tokenman demo: a throw-away config against the built-in provider simulator.",
            "# Passwords come from variables set only inside the demo process.",
            "",
            "[settings]",
            "refresh_lead = \"\(Int(clamping: refreshLead))s\"",
        ]
        for account in accounts {
            lines += [
                "",
                "[[accounts]]",
                "name = \"\(account.name)\"",
                "provider = \"\(account.providerID)\"",
                "base_url = \"\(simulator.baseURL(for: account.provider))\"",
                "username = \"\(account.username)\"",
            ]
            if let variable = account.passwordVariable {
                lines.append("password_env = \"\(variable)\"")
            } else {
                lines.append("password_prompt = true  # type \(account.password); the provider then asks for a new password")
            }
            lines += account.extraLines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func makePrivateDirectory() throws(CLIFailure) -> String {
        let base = (ProcessEnvironment.variables["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array(((base.hasSuffix("/") ? base : base + "/") + "tokenman-demo-XXXXXX").utf8CString)
        // mkdtemp creates the directory with mode 0700.
        guard let made = mkdtemp(&template) else {
            throw CLIFailure(.failure, "cannot create a temp directory in \(base): \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    private static func append(_ line: String, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { Glibc.close(fd) }
        Console.write(line + "\n", to: fd)
    }
}

/// Removes the demo directory at most once: from `close()`, or at process exit.
enum DemoCleanup {
    private static let path = Mutex<String?>(nil)

    static func register(_ directory: String) {
        path.withLock { $0 = directory }
        atexit { DemoCleanup.removeNow() }
    }

    static func removeNow() {
        let target = path.withLock { path in
            defer { path = nil }
            return path
        }
        if let target { try? FileManager.default.removeItem(atPath: target) }
    }
}
