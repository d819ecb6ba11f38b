import Foundation
import ProviderSimulator

/// One tokenman TUI in a private tmux session, talking to its own in-process simulator, with
/// a temp config and state dir. Every test gets its own, so tests run in parallel.
final class TuiFixture: @unchecked Sendable {
    struct Account {
        var name: String
        var provider: SimulatedProvider
        var username: String
    }

    let simulator: ProviderSimulator
    let directory: URL
    let session: TmuxSession

    var configPath: String { directory.appendingPathComponent("config.toml").path }
    var stateDirectory: String { directory.appendingPathComponent("state").path }

    /// How the UI is started in the pane.
    enum Launch {
        /// As the pane's command.
        case direct
        /// As `tokenman … < /dev/null` (it reads keys from /dev/tty).
        case stdinFromDevNull
        /// Typed at an interactive bash with job control, as a person would: only there does
        /// Ctrl-Z stop it (a stop signal to an orphaned process group is discarded).
        case interactiveShell
    }

    /// `extraConfig`: more config text, for accounts on a server of the test's own (moto).
    init(accounts: [Account], extraConfig: String = "", clipboardClearSeconds: Int = 45, width: Int = 100, height: Int = 30, launch: Launch = .direct, prepare: (inout SimulatorConfiguration) -> Void = { _ in }) async throws {
        var configuration = SimulatorConfiguration(port: 0, output: { _ in })
        prepare(&configuration)
        simulator = ProviderSimulator(configuration: configuration)
        _ = try simulator.start()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-tui-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var config = "[settings]\nclipboard_clear_seconds = \(clipboardClearSeconds)\n"
        for account in accounts {
            config += """

            [[accounts]]
            name = "\(account.name)"
            provider = "\(Self.providerID(account.provider))"
            base_url = "\(simulator.baseURL(for: account.provider))"
            username = "\(account.username)"

            """
        }
        config += extraConfig
        try config.write(toFile: directory.appendingPathComponent("config.toml").path, atomically: true, encoding: .utf8)
        var command = [try BuiltProducts.tokenman(), "--config", directory.appendingPathComponent("config.toml").path,
                       "--state-dir", directory.appendingPathComponent("state").path]
        let typed = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        switch launch {
        case .direct: break
        case .stdinFromDevNull: command = ["sh", "-c", "exec \"$0\" \"$@\" < /dev/null"] + command
        case .interactiveShell: command = ["env", "PS1=[sh]", "bash", "--norc", "--noprofile", "-i"]
        }
        session = try await TmuxSession(
            command: command,
            environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": directory.path],
            width: width, height: height)
        if case .interactiveShell = launch {
            try await session.waitFor(text: "[sh]", timeout: 10)
            try await session.type(typed)
            try await session.press("Enter")
        }
        try await session.waitFor(text: "NAME", timeout: 10)
    }

    deinit {
        session.kill()
        // stop() waits up to a quarter second for the accept loop; deinit runs on a pool thread.
        Thread.detachNewThread { [simulator] in simulator.stop() }
        try? FileManager.default.removeItem(at: directory)
    }

    static func providerID(_ provider: SimulatedProvider) -> String {
        switch provider {
        case .byteConnect: "byteconnect"
        case .exabits: "exabits"
        case .starship: "starship"
        case .wikimedia: "wikimedia"
        case .cognito: "cognito"
        }
    }

    /// The screen line of an account's row (names are unique prefixes in these tests).
    func row(_ name: String, in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.dropFirst(2).hasPrefix(name + " ") }
    }

    /// Waits until the account's row satisfies `predicate`.
    @discardableResult
    func waitForRow(_ name: String, timeout: TimeInterval = 10, _ what: String, _ predicate: @escaping (String) -> Bool) async throws -> String {
        let screen = try await session.waitFor("row \(name) \(what)", timeout: timeout) { screen in
            self.row(name, in: screen).map(predicate) ?? false
        }
        return row(name, in: screen) ?? ""
    }

    /// Selects the account's row by moving from the top (rows are sorted by name).
    func select(_ index: Int) async throws {
        try await session.press("g")
        for _ in 0..<index { try await session.press("j") }
    }

    /// Opens the login form for the row at `index`, types `password` and submits.
    func logIn(row index: Int, name: String, password: String) async throws {
        try await select(index)
        try await session.press("l")
        try await session.waitFor(text: "Log in · \(name)", timeout: 5)
        try await session.type(password)
        try await session.press("Enter")
    }

    /// The status line: the line above the footer, joined with the lines above it that the
    /// same message wrapped onto (up to 3; they start with the bar's one space of padding,
    /// where list rows start with two).
    static func statusLine(of screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = lines.last?.isEmpty == true ? Array(lines.dropLast()) : lines
        guard trimmed.count >= 2 else { return "" }
        var status = [trimmed[trimmed.count - 2]]
        var index = trimmed.count - 3
        while status.count < 3, index >= 0, trimmed[index].hasPrefix(" "), !trimmed[index].hasPrefix("  ") {
            status.insert(trimmed[index], at: 0)
            index -= 1
        }
        return status.joined()
    }

    /// The ACCESS countdown of a row in seconds ("14:59" → 899).
    static func accessSeconds(of row: String) -> Int? {
        // The first "m:ss" or "h:mm:ss" on the row is the ACCESS column.
        guard let field = row.split(separator: " ").first(where: { $0.contains(":") && $0.allSatisfy { $0.isNumber || $0 == ":" } }) else { return nil }
        let parts = field.split(separator: ":").compactMap { Int($0) }
        switch parts.count {
        case 2: return parts[0] * 60 + parts[1]
        case 3: return parts[0] * 3600 + parts[1] * 60 + parts[2]
        default: return nil
        }
    }
}
