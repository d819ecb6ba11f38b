import AuthEngine
import Foundation
import Testing
@testable import TokenManager

/// The account form's drafts, written through the engine's `ConfigWriter`.
@Suite("Account drafts in the config file")
struct AccountDraftConfigTests {
    private func tempConfig(_ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tm-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func addEditDeleteKeepOtherLines() throws {
        let path = try tempConfig("""
        # my accounts
        [settings]
        clipboard_clear_seconds = 10

        [[accounts]]
        name = "a"
        provider = "starship"
        username = "u"

        """)
        let writer = ConfigWriter(path: path, environment: [:])
        var config = try writer.add(AccountDraft(name: "b", providerID: "wikimedia", username: "w\"x", baseURL: nil, mode: .password(.environment("WM_PW"))).account)
        #expect(config.accounts.map(\.name) == ["a", "b"])
        #expect(config.account(named: "b")?.username == "w\"x")
        #expect(config.account(named: "b")?.mode == .password(.environment("WM_PW")))
        config = try writer.replace(account: "a", with: AccountDraft(name: "a2", providerID: "starship", username: "v", baseURL: "http://127.0.0.1:9/s", mode: .password(.prompt)).account)
        #expect(config.accounts.map(\.name) == ["a2", "b"])
        #expect(config.account(named: "a2")?.baseURL == "http://127.0.0.1:9/s")
        config = try writer.delete(account: "b")
        #expect(config.accounts.map(\.name) == ["a2"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# my accounts\n[settings]\nclipboard_clear_seconds = 10\n"))
    }

    @Test func rejectedResultLeavesTheFileAlone() throws {
        let original = "[[accounts]]\nname = \"a\"\nprovider = \"starship\"\nusername = \"u\"\n"
        let path = try tempConfig(original)
        let writer = ConfigWriter(path: path, environment: [:])
        // A second account called "a" is a duplicate name: the loader refuses it before writing.
        #expect(throws: ConfigError.self) {
            try writer.add(AccountDraft(name: "a", providerID: "starship", username: "x", mode: .password(.prompt)).account)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    }
}
