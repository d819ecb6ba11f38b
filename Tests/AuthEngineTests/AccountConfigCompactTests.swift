import Foundation
import Testing
@testable import AuthEngine

/// `AccountConfig` keeps the settings most accounts leave out in a shared box, and a loaded
/// config's accounts share one copy of a secret source's text: with 100,000 accounts these
/// were most of `tokenman list`'s and the UI's memory (issue 13). The value must still behave
/// as the plain struct it was.
@Suite struct AccountConfigCompactTests {
    @Test func theValueStaysSmall() {
        #expect(MemoryLayout<AccountConfig>.size <= 88, "\(MemoryLayout<AccountConfig>.size) bytes")
    }

    @Test func rarelySetFieldsReadBackAndCompareAsBefore() {
        var account = AccountConfig(name: "a", providerID: "starship")
        let plain = account
        account.baseURL = "https://x.test/"
        account.fields["team"] = "ml"
        account.caFile = "/etc/ca.pem"
        account.cognito = CognitoAccountSettings(region: "eu-west-1", clientID: "abc")
        account.line = 7
        #expect(account.baseURL == "https://x.test/")
        #expect(account.fields == ["team": "ml"])
        #expect(account.caFile == "/etc/ca.pem")
        #expect(account.cognito?.clientID == "abc")
        #expect(account.providerSettings?.region == "eu-west-1")
        #expect(account.line == 7)
        #expect(account != plain)

        // A copy is independent of changes to the original.
        let copy = account
        account.fields["team"] = "web"
        #expect(copy.fields == ["team": "ml"])
        #expect(account.fields == ["team": "web"])

        account.baseURL = nil
        account.fields = [:]
        account.caFile = nil
        account.cognito = nil
        account.line = nil
        #expect(account == plain)
        #expect(account.line == nil)
    }

    @Test func lineNumbersOutOfRangeAreKeptSafely() {
        var account = AccountConfig(name: "a", providerID: "starship", line: Int.max)
        #expect(account.line == Int(Int32.max))
        account.line = -3
        #expect(account.line == nil)
        account.line = 0
        #expect(account.line == nil)
    }

    @Test func accountsShareOneCopyOfASecretSourcesText() throws {
        var text = ""
        for index in 0..<3 {
            text += "[[accounts]]\nname = \"a\(index)\"\nprovider = \"starship\"\npassword_env = \"A_RATHER_LONG_VARIABLE_NAME\"\n"
        }
        let config = try ConfigLoader(environment: [:]).parse(text, displayPath: "config.toml")
        // `parse` decodes the whole tree; `load` streams the blocks through the sequence that
        // shares the texts: go through a file.
        let scratch = ScratchDirectory()
        let path = scratch.file("config.toml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let loaded = try ConfigLoader(environment: [:]).load(explicitPath: path)
        #expect(loaded.accounts == config.accounts)
        let addresses = loaded.accounts.map { account -> UInt? in
            guard case .password(.environment(var name)) = account.mode else { return nil }
            return name.withUTF8 { $0.baseAddress.map { UInt(bitPattern: $0) } }
        }
        #expect(addresses.count == 3)
        #expect(addresses[0] != nil)
        #expect(Set(addresses).count == 1, "\(addresses)")
    }
}
