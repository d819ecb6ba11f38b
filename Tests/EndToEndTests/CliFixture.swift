import Foundation
import ProviderSimulator

/// One test's world: its own simulator on a free port, a temp directory (0700) with a config
/// naming accounts on all four providers, and a state directory. Parallel tests never share one.
///
/// Accounts: `bc`, `ex`, `ss`, `wm` (the demo users, passwords from environment variables set
/// only in the child's environment), `ss-prompt` (Starship, password typed in) and `newbie`
/// (Wikimedia, NEW_PASSWORD_REQUIRED, password typed in).
final class CliFixture: @unchecked Sendable {
    let simulator: ProviderSimulator
    let directory: String
    let configPath: String
    let stateDirectory: String
    var environment: [String: String]

    static let passwords = [
        "TM_TEST_PW_BC": "demo-pass-1", "TM_TEST_PW_EX": "demo-pass-2",
        "TM_TEST_PW_SS": "demo-pass-3", "TM_TEST_PW_WM": "demo-pass-4",
    ]

    init(extraConfig: String = "") throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.output = { _ in }
        simulator = ProviderSimulator(configuration: configuration)
        try simulator.start()
        var template = Array("/tmp/tokenman-cli-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ProcessRunner.Failure(description: "mkdtemp failed") }
        directory = String(cString: made)
        configPath = directory + "/config.toml"
        stateDirectory = directory + "/state"
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory,
            "LANG": "C.UTF-8",
            "TOKENMAN_CONFIG": configPath,
            "TOKENMAN_STATE_DIR": stateDirectory,
        ]
        for (key, value) in Self.passwords { environment[key] = value }
        try (config() + extraConfig).write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        // stop() waits up to a quarter second for the accept loop; deinit runs on a pool thread.
        Thread.detachNewThread { [simulator] in simulator.stop() }
        try? FileManager.default.removeItem(atPath: directory)
    }

    func url(_ provider: SimulatedProvider) -> String { simulator.baseURL(for: provider) }

    private func config() -> String {
        """
        [[accounts]]
        name = "bc"
        provider = "byteconnect"
        base_url = "\(url(.byteConnect))"
        username = "demo"
        password_env = "TM_TEST_PW_BC"
        subdomain = "shop"
        affiliate_id = "A-1001"

        [[accounts]]
        name = "ex"
        provider = "exabits"
        base_url = "\(url(.exabits))"
        username = "demo"
        password_env = "TM_TEST_PW_EX"

        [[accounts]]
        name = "ss"
        provider = "starship"
        base_url = "\(url(.starship))"
        username = "demo"
        password_env = "TM_TEST_PW_SS"

        [[accounts]]
        name = "wm"
        provider = "wikimedia"
        base_url = "\(url(.wikimedia))"
        username = "demo"
        password_env = "TM_TEST_PW_WM"

        [[accounts]]
        name = "ss-prompt"
        provider = "starship"
        base_url = "\(url(.starship))"
        username = "demo"

        [[accounts]]
        name = "newbie"
        provider = "wikimedia"
        base_url = "\(url(.wikimedia))"
        username = "newbie"

        """
    }

    /// Runs `tokenman ARGS` with this fixture's environment (plus `extra`).
    func tokenman(_ arguments: String..., stdin: String? = nil, extra: [String: String] = [:]) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(arguments, environment: environment.merging(extra) { $1 }, stdin: stdin)
    }

    func tokenman(arguments: [String], stdin: String? = nil, extra: [String: String] = [:]) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(arguments, environment: environment.merging(extra) { $1 }, stdin: stdin)
    }

    /// Parses stdout as JSON.
    static func json(_ result: ProcessRunner.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    }
}
