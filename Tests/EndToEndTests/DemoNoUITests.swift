import Foundation
import Testing

/// `tokenman demo` without the UI: what it sets up, that scripts can use it, and that it
/// leaves nothing behind.
@Suite("tokenman demo --no-ui", .endToEndSlot)
struct DemoNoUITests {
    @Test func setsUpAPrivateWorldAndRemovesItOnCtrlC() async throws {
        let scratch = try TemporaryDirectory()
        let session = try await TmuxSession(command: [try BuiltProducts.tokenman(), "demo", "--no-ui"], environment: ["TMPDIR": scratch.path], width: 200)
        defer { session.kill() }
        let screen = try await session.waitFor(text: "Ctrl-C to stop")
        let variables = Self.variables(in: screen)
        let demoDirectory = try #require(variables["TOKENMAN_DEMO_DIR"])
        let config = try #require(variables["TOKENMAN_CONFIG"])
        let state = try #require(variables["TOKENMAN_STATE_DIR"])
        #expect(demoDirectory.hasPrefix(scratch.path + "/tokenman-demo-"))
        #expect(try Self.mode(of: demoDirectory) == 0o700)
        #expect(try Self.mode(of: config) == 0o600)

        let listed = try await ProcessRunner.run(["list", "--json", "--config", config, "--state-dir", state], environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.path])
        #expect(listed.status == 0, "\(listed)")
        let rows = try #require(try CliFixture.json(listed) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["provider"] as? String }) == ["byteconnect", "exabits", "starship", "wikimedia", "cognito"])
        let states = Dictionary(uniqueKeysWithValues: rows.compactMap { row in (row["account"] as? String).map { ($0, row["state"] as? String ?? "") } })
        #expect(states == [
            "byteconnect-demo": "valid", "exabits-demo": "valid", "starship-demo": "valid",
            "wikimedia-demo": "valid", "wikimedia-newbie": "logged-out", "cognito-demo": "valid",
        ])
        // Short lifetimes, so countdowns move visibly in the UI.
        for row in rows where row["state"] as? String == "valid" {
            let left = try #require(row["access_expires_in"] as? Int)
            #expect((30...95).contains(left))
        }

        try await session.press("C-c")
        try await session.waitFor(text: "[exit 130]")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func printConfigHasEveryProviderAndNoPassword() async throws {
        let scratch = try TemporaryDirectory()
        let result = try await ProcessRunner.run(["demo", "--print-config"], environment: ["PATH": "/usr/bin:/bin", "TMPDIR": scratch.path])
        #expect(result.status == 0, "\(result)")
        for provider in ["byteconnect", "exabits", "starship", "wikimedia", "cognito"] {
            #expect(result.stdout.contains("provider = \"\(provider)\""))
        }
        #expect(result.stdout.contains("username = \"newbie\""))
        for password in ["demo-pass-1", "demo-pass-2", "demo-pass-3", "demo-pass-4", "demo-pass-6"] {
            #expect(!result.stdout.contains(password))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// `NAME=value` lines of the screen (tmux may wrap nothing at width 200).
    static func variables(in screen: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in screen.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("TOKENMAN_"), let equals = trimmed.firstIndex(of: "=") else { continue }
            result[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
        }
        return result
    }

    static func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}

/// A directory for one test, removed when the value goes away.
final class TemporaryDirectory: @unchecked Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/tokenman-e2e-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ProcessRunner.Failure(description: "mkdtemp failed") }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
