import Foundation
import Testing
@testable import AuthEngine

/// Renaming and deleting an account keep the token store in step with the config.
@Suite("AccountService: renaming and deleting accounts")
struct AccountServiceAccountsTests {
    static let tokens = TokenSet(accessToken: "a", refreshToken: "r", obtainedAt: Date(timeIntervalSince1970: 1_780_000_000))

    static func service(in scratch: ScratchDirectory) -> AccountService {
        let config = TokenmanConfig(accounts: [AccountConfig(name: "old", providerID: "starship", username: "demo")])
        return AccountService(config: config, store: TokenStore(directory: scratch.path), secrets: SecretResolver(environment: [:]))
    }

    @Test func renameMovesTheTokens() throws {
        let scratch = ScratchDirectory()
        let service = Self.service(in: scratch)
        try service.store.save(Self.tokens, account: "old")
        try service.renameAccount(from: "old", to: "new")
        #expect(try service.storedTokens() == ["new": Self.tokens])
    }

    @Test func deleteForgetsTheTokens() throws {
        let scratch = ScratchDirectory()
        let service = Self.service(in: scratch)
        try service.store.save(Self.tokens, account: "old")
        try service.deleteAccount(named: "old")
        #expect(try service.storedTokens().isEmpty)
    }

    @Test func aStoreThatCannotBeWrittenIsReported() throws {
        let scratch = ScratchDirectory()
        // A file where the state directory should be: nothing can be stored under it.
        let blocked = scratch.file("blocked")
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data()))
        let config = TokenmanConfig(accounts: [])
        let service = AccountService(config: config, store: TokenStore(directory: blocked), secrets: SecretResolver(environment: [:]))
        #expect(throws: AuthError.self) { try service.deleteAccount(named: "old") }
        #expect(throws: AuthError.self) { try service.renameAccount(from: "old", to: "new") }
    }
}
