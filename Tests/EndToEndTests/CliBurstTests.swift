import Foundation
import ProviderSimulator
import Testing

/// Twenty `tokenman token`/`header`/`exec` processes started together on an expired access
/// token: exactly one renewal reaches the provider (counted by the simulator), and all twenty
/// exit 0, also for a prompt-only account (which cannot fall back to a login) and also while
/// the UI's scheduler runs on the same accounts.
///
/// CI runs a few bursts per provider; `TOKENMAN_BURSTS=10 swift test --filter CliBurstTests`
/// runs more by hand. Each burst prints its count, for the record.
@Suite("20 processes, one renewal", .endToEndSlot)
struct CliBurstTests {
    static let processes = 20
    static let bursts = ProcessInfo.processInfo.environment["TOKENMAN_BURSTS"].flatMap(Int.init) ?? 3
    static let burstsWithUI = ProcessInfo.processInfo.environment["TOKENMAN_BURSTS"].flatMap(Int.init) ?? 2

    /// Prompt-only accounts (no password source): a loser of a refresh race would exit 4.
    static let extraConfig = """
    [[accounts]]
    name = "bc-prompt"
    provider = "byteconnect"
    base_url = "URL_BC"
    username = "demo"

    [[accounts]]
    name = "wm-prompt"
    provider = "wikimedia"
    base_url = "URL_WM"
    username = "demo"

    """

    static func fixture() throws -> CliFixture {
        let probe = try CliFixture()
        // The fixture's own simulator is started by its init: write the extra accounts with its URLs.
        let extra = extraConfig
            .replacingOccurrences(of: "URL_BC", with: probe.url(.byteConnect))
            .replacingOccurrences(of: "URL_WM", with: probe.url(.wikimedia))
        let config = try String(contentsOfFile: probe.configPath, encoding: .utf8)
        try (config + extra).write(toFile: probe.configPath, atomically: true, encoding: .utf8)
        return probe
    }

    /// account, provider, its password, whether renewal is a refresh (Exabits logs in again).
    static let cases: [(String, SimulatedProvider, String, Bool)] = [
        ("ss-prompt", .starship, "demo-pass-3", true),
        ("bc-prompt", .byteConnect, "demo-pass-1", true),
        ("wm-prompt", .wikimedia, "demo-pass-4", true),
        ("ex", .exabits, "demo-pass-2", false),
    ]

    @Test func oneRenewalPerBurst() async throws {
        let fixture = try Self.fixture()
        try await runBursts(fixture, count: Self.bursts, label: "")
    }

    @Test func oneRenewalPerBurstWithTheUIRunning() async throws {
        let fixture = try Self.fixture()
        let ui = try await TmuxSession(
            command: [try BuiltProducts.tokenman(), "--config", fixture.configPath, "--state-dir", fixture.stateDirectory],
            environment: ["TERM": "xterm-256color", "HOME": fixture.directory].merging(CliFixture.passwords) { $1 })
        defer { ui.kill() }
        try await ui.waitFor(text: "NAME", timeout: 15)
        try await runBursts(fixture, count: Self.burstsWithUI, label: " (UI running)")
        // The UI is still up: nothing in the bursts disturbed it.
        #expect(try await ui.screen().contains("NAME"))
    }

    private func runBursts(_ fixture: CliFixture, count: Int, label: String) async throws {
        for (account, provider, password, refreshes) in Self.cases {
            let login = try await fixture.tokenman("login", account, "--stdin", stdin: password + "\n")
            try #require(login.status == 0, "\(login)")
            // A slow provider keeps the winner inside its renewal while the others arrive.
            fixture.simulator.setLatency(0.2, for: provider)
            var renewals: [Int] = []
            for _ in 0..<count {
                try await Self.expireAccessToken(of: account, in: fixture.stateDirectory)
                let before = fixture.simulator.tally(for: provider)
                let results = try await Self.burst(fixture, account: account)
                let after = fixture.simulator.tally(for: provider)
                let failures = results.filter { $0.status != 0 }
                #expect(failures.isEmpty, "\(failures.count) of \(Self.processes) failed; first: \(failures.first.map(String.init(describing:)) ?? "")")
                let renewed = refreshes ? after.refreshes - before.refreshes : after.logins - before.logins
                renewals.append(renewed)
                #expect(renewed == 1, "\(account): \(renewed) renewals in one burst")
                if refreshes { #expect(after.logins == before.logins, "\(account): a refresh loser logged in") }
            }
            print("burst\(label): \(account) \(refreshes ? "refresh" : "login") requests per burst of \(Self.processes): \(renewals)")
        }
    }

    /// Starts all processes at once (each on a thread of its own) and waits for every one.
    static func burst(_ fixture: CliFixture, account: String) async throws -> [ProcessRunner.Result] {
        try await withThrowingTaskGroup(of: ProcessRunner.Result.self) { group in
            for index in 0..<processes {
                let arguments: [String] = switch index % 3 {
                case 0: ["token", account]
                case 1: ["header", account]
                default: ["exec", account, "--", "true"]
                }
                group.addTask { try await fixture.tokenman(arguments: arguments) }
            }
            var results: [ProcessRunner.Result] = []
            for try await result in group { results.append(result) }
            return results
        }
    }

    /// Moves the account's access expiry into the past, as time would, under the store's lock
    /// (the UI may be writing). The refresh token stays valid.
    static func expireAccessToken(of account: String, in stateDirectory: String) async throws {
        try await BlockingWork.run {
            let lock = open(stateDirectory + "/tokens.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard lock >= 0, flock(lock, LOCK_EX) == 0 else { throw ProcessRunner.Failure(description: "cannot lock the store") }
            defer { close(lock) }
            let path = stateDirectory + "/tokens.json"
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard var file = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  var accounts = file["accounts"] as? [String: Any],
                  var entry = accounts[account] as? [String: Any]
            else { throw ProcessRunner.Failure(description: "no tokens stored for \(account)") }
            entry["accessExpiresAt"] = "2001-01-01T00:00:00.000Z"
            accounts[account] = entry
            file["accounts"] = accounts
            let temp = path + ".burst-test"
            try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: temp))
            // As private as tokenman keeps it: a store open to others is refused on read.
            guard chmod(temp, 0o600) == 0, rename(temp, path) == 0 else { throw ProcessRunner.Failure(description: "rename failed") }
        }
    }
}
