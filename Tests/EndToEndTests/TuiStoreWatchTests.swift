import Foundation
import Testing

/// Another process's change to the token store shows in a running UI at once: the UI watches
/// `tokens.json` (inotify) instead of re-reading it every 10 seconds. The change is made just
/// after a whole ten seconds of the wall clock, when the old poll would next come 9 s later.
@Suite("TUI: the store is watched", .endToEndSlot)
struct TuiStoreWatchTests {
    static func entry(_ name: String, expiresIn seconds: TimeInterval) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let now = Date()
        return """
            "\(name)" : {
              "accessToken" : "at-\(name)-abcdefghijklmnopqrstuvwxyz",
              "accessExpiresAt" : "\(formatter.string(from: now.addingTimeInterval(seconds)))",
              "accessExpirySource" : "expires_in",
              "refreshExpirySource" : "documented",
              "obtainedAt" : "\(formatter.string(from: now.addingTimeInterval(-60)))",
              "attributes" : {}
            }
        """
    }

    /// Replaces the store as tokenman's writers do: a new file renamed over the old one.
    static func writeStore(_ directory: URL, entries: [String]) throws {
        let text = "{\n  \"accounts\" : {\n" + entries.joined(separator: ",\n") + "\n  },\n  \"version\" : 1\n}\n"
        let temporary = directory.appendingPathComponent("tokens.json.new")
        try Data(text.utf8).write(to: temporary)
        chmod(temporary.path, 0o600)
        #expect(rename(temporary.path, directory.appendingPathComponent("tokens.json").path) == 0)
    }

    @Test func anotherProcesssWriteShowsAtOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-watch-\(UUID().uuidString.prefix(8))")
        let state = directory.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        try Data("""
            [[accounts]]
            name = "alpha"
            provider = "exabits"
            username = "a@example.com"

            [[accounts]]
            name = "beta"
            provider = "exabits"
            username = "b@example.com"

            """.utf8).write(to: config)
        chmod(config.path, 0o600)
        try Self.writeStore(state, entries: [Self.entry("alpha", expiresIn: 3600)])

        let session = try await TmuxSession(
            command: [try BuiltProducts.tokenman(), "--config", config.path, "--state-dir", state.path],
            environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": directory.path], width: 100, height: 12)
        defer { session.kill() }
        try await session.waitFor("alpha valid, beta logged out") { screen in
            screen.contains("alpha") && screen.split(separator: "\n").contains { $0.contains("beta") && $0.contains("logged out") }
        }

        // Just past a whole ten seconds: a 10-second poll would not read the store for 9 s.
        while Int(Date().timeIntervalSince1970) % 10 != 1 { try await Task.sleep(for: .milliseconds(50)) }
        try Self.writeStore(state, entries: [Self.entry("alpha", expiresIn: 3600), Self.entry("beta", expiresIn: 3600)])
        let screen = try await session.waitFor("beta logged in by another process", timeout: 3) { screen in
            screen.split(separator: "\n").contains { $0.contains("beta") && $0.contains("valid") }
        }
        #expect(!screen.contains("logged out"))

        // And a logout elsewhere too.
        try Self.writeStore(state, entries: [Self.entry("beta", expiresIn: 3600)])
        try await session.waitFor("alpha logged out by another process", timeout: 3) { screen in
            screen.split(separator: "\n").contains { $0.contains("alpha") && $0.contains("logged out") }
        }
    }

    /// A first UI on the machine (no state directory yet) watches from its start too: it makes
    /// the directory (0700), and a login in another terminal shows at once.
    @Test func aUIStartedBeforeAnyLoginWatchesToo() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-watch-\(UUID().uuidString.prefix(8))")
        let state = directory.appendingPathComponent("state/tokenman")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        try Data("[[accounts]]\nname = \"alpha\"\nprovider = \"exabits\"\nusername = \"a@example.com\"\n".utf8).write(to: config)
        chmod(config.path, 0o600)

        let session = try await TmuxSession(
            command: [try BuiltProducts.tokenman(), "--config", config.path, "--state-dir", state.path],
            environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": directory.path], width: 100, height: 12)
        defer { session.kill() }
        try await session.waitFor("alpha logged out") { $0.contains("alpha") && $0.contains("logged out") }
        let attributes = try FileManager.default.attributesOfItem(atPath: state.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)

        while Int(Date().timeIntervalSince1970) % 10 != 1 { try await Task.sleep(for: .milliseconds(50)) }
        try Self.writeStore(state, entries: [Self.entry("alpha", expiresIn: 3600)])
        try await session.waitFor("alpha logged in by another process", timeout: 3) { screen in
            screen.split(separator: "\n").contains { $0.contains("alpha") && $0.contains("valid") }
        }
    }
}
