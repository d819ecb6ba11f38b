import Foundation
import Testing
@testable import AuthEngine

/// ssh-like rules on the files tokenman trusts. Mode checks hold under root too (root bypasses
/// the kernel's checks, not ours); owner checks compare with the effective uid.
@Suite struct FilePermissionTests {
    private func storeWithTokens() throws -> (ScratchDirectory, TokenStore) {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.file("state"))
        try store.save(sampleTokens(), account: "work")
        return (scratch, store)
    }

    private func storageMessage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            Issue.record("expected a refusal")
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func tokenFileOpenToOthersIsRefusedOnReadWithTheChmodToRun() throws {
        let (scratch, store) = try storeWithTokens()
        defer { withExtendedLifetime(scratch) {} }
        chmod(store.filePath, 0o644)
        let message = storageMessage { _ = try store.load(account: "work") }
        #expect(message?.contains("mode 0644") == true, "\(message ?? "")")
        #expect(message?.contains("chmod 600 \(store.filePath)") == true, "\(message ?? "")")
        chmod(store.filePath, 0o600)
        #expect(try store.load(account: "work") == sampleTokens())
    }

    @Test func stateDirectoryOpenToOthersIsRefusedOnRead() throws {
        let (scratch, store) = try storeWithTokens()
        defer { withExtendedLifetime(scratch) {} }
        chmod(store.directory, 0o755)
        let message = storageMessage { _ = try store.loadAll() }
        #expect(message?.contains("chmod 700 \(store.directory)") == true, "\(message ?? "")")
    }

    /// The state directory given as a link to a directory others can read: refused, and the
    /// link's target keeps its mode (no chmod through the link).
    @Test func symlinkedStateDirectoryIsNotChmoddedThroughTheLink() throws {
        let scratch = ScratchDirectory()
        let target = scratch.file("elsewhere")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        chmod(target, 0o755)
        let link = scratch.file("state")
        #expect(symlink(target, link) == 0)
        let store = TokenStore(directory: link)
        let message = storageMessage { try store.save(sampleTokens(), account: "work") }
        #expect(message?.contains("symbolic link") == true, "\(message ?? "")")
        #expect(permissions(of: target) == 0o755)
        // A link to a private directory is fine.
        chmod(target, 0o700)
        try store.save(sampleTokens(), account: "work")
        #expect(try store.load(account: "work") == sampleTokens())
    }

    @Test func lockFileSymlinkIsNotFollowed() throws {
        let (scratch, store) = try storeWithTokens()
        unlink(store.lockPath)
        let victim = scratch.file("victim")
        #expect(symlink(victim, store.lockPath) == 0)
        let message = storageMessage { try store.save(sampleTokens("access-2"), account: "work") }
        #expect(message?.contains("symbolic link") == true, "\(message ?? "")")
        #expect(!FileManager.default.fileExists(atPath: victim))
    }

    @Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
    func filesOfAnotherUserAreRefused() throws {
        let (scratch, store) = try storeWithTokens()
        defer { withExtendedLifetime(scratch) {} }
        #expect(chown(store.filePath, 65534, 65534) == 0)
        let message = storageMessage { _ = try store.load(account: "work") }
        #expect(message?.contains("belongs to user id 65534") == true, "\(message ?? "")")
    }

    @Test func configWritableByOthersIsRefused() throws {
        let scratch = ScratchDirectory()
        let path = scratch.file("config.toml")
        try "[settings]\ntheme = \"dark\"\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o664)
        let loader = ConfigLoader(environment: ["HOME": "/nonexistent-home"])
        #expect(throws: ConfigError(path: path, message: "refusing to use the config: it is writable by other users (mode 0664), and its password commands run as you; run: chmod go-w \(path)")) {
            try loader.load(explicitPath: path)
        }
        chmod(path, 0o644)
        #expect(try loader.load(explicitPath: path).settings.theme == "dark")
    }

    @Test func invalidUTF8InTheConfigGivesLineAndColumn() throws {
        let scratch = ScratchDirectory()
        let path = scratch.file("config.toml")
        var bytes = Array("[settings]\ntheme = \"da".utf8)
        bytes += [0xC3, 0x28]  // a two-byte lead followed by an ASCII byte
        bytes += Array("rk\"\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let loader = ConfigLoader(environment: ["HOME": "/nonexistent-home"])
        #expect(throws: ConfigError(path: path, line: 2, column: 12, message: "invalid UTF-8 (the file must be UTF-8 text)")) {
            try loader.load(explicitPath: path)
        }
    }
}
