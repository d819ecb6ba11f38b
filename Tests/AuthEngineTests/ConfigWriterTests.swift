import Foundation
import Testing
@testable import AuthEngine

@Suite struct ConfigWriterTests {
    static let original = """
    # my accounts
    [settings]
    theme = "light" # keep this comment

    [[accounts]]
    name = "gifts"
    provider = "starship"
    username = "alice"

    # the GPU box
    [[accounts]]
    name = "gpu"
    provider = "exabits"
    password_env = "GPU_PW"

    """

    func writer(_ scratch: ScratchDirectory, text: String? = ConfigWriterTests.original) throws -> ConfigWriter {
        let path = scratch.file("tokenman/config.toml")
        if let text {
            try FileManager.default.createDirectory(atPath: scratch.file("tokenman"), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return ConfigWriter(path: path, environment: ["HOME": scratch.path])
    }

    func contents(_ writer: ConfigWriter) throws -> String { try String(contentsOfFile: writer.path, encoding: .utf8) }

    @Test func addAppendsABlockAndKeepsEverythingElse() throws {
        let scratch = ScratchDirectory()
        let writer = try writer(scratch)
        let shop = AccountConfig(name: "shop \"main\"", providerID: "byteconnect", username: "bob",
                                 mode: .password(.command("pass show shop")), fields: ["subdomain": "quinix"])
        let config = try writer.add(shop)
        #expect(config.accounts.map(\.name) == ["gifts", "gpu", "shop \"main\""])
        #expect(try contents(writer) == Self.original + """

        [[accounts]]
        name = "shop \\"main\\""
        provider = "byteconnect"
        username = "bob"
        subdomain = "quinix"
        password_command = "pass show shop"

        """)
        #expect(permissions(of: writer.path) == 0o600)
    }

    @Test func addCreatesAMissingFile() throws {
        let scratch = ScratchDirectory()
        let writer = try writer(scratch, text: nil)
        try writer.add(AccountConfig(name: "a", providerID: "starship"))
        #expect(try contents(writer) == "[[accounts]]\nname = \"a\"\nprovider = \"starship\"\npassword_prompt = true\n")
    }

    @Test func replaceRewritesOnlyThatBlock() throws {
        let scratch = ScratchDirectory()
        let writer = try writer(scratch)
        try writer.replace(account: "gifts", with: AccountConfig(name: "gifts", providerID: "starship", username: "carol",
                                                                 mode: .password(.environment("GIFTS_PW"))))
        #expect(try contents(writer) == Self.original.replacingOccurrences(
            of: "username = \"alice\"\n", with: "username = \"carol\"\npassword_env = \"GIFTS_PW\"\n"))
    }

    @Test func deleteRemovesTheBlockButNotTheNextBlocksComment() throws {
        let scratch = ScratchDirectory()
        let writer = try writer(scratch)
        let config = try writer.delete(account: "gifts")
        #expect(config.accounts.map(\.name) == ["gpu"])
        #expect(try contents(writer) == """
        # my accounts
        [settings]
        theme = "light" # keep this comment

        # the GPU box
        [[accounts]]
        name = "gpu"
        provider = "exabits"
        password_env = "GPU_PW"

        """)
    }

    @Test func anEditThatWouldBreakTheConfigIsRefusedAndTheFileUntouched() throws {
        let scratch = ScratchDirectory()
        let writer = try writer(scratch)
        #expect(throws: ConfigError.self) {
            try writer.add(AccountConfig(name: "gpu", providerID: "exabits"))
        }
        #expect(try contents(writer) == Self.original)
        #expect(throws: ConfigError(path: "~/tokenman/config.toml", field: "accounts", message: "no account named \"nope\"")) {
            try writer.delete(account: "nope")
        }
    }
}
