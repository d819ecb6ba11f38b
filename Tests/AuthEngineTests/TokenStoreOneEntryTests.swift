import Foundation
import Testing
@testable import AuthEngine

/// `TokenStore.loadOne(account:)`, the cached `token` path's read: every answer and every error
/// is `load(account:)`'s, for stores of any size and any damage.
@Suite struct TokenStoreOneEntryTests {
    /// Both reads of `account` from a store holding `text`: the same tokens or the same error.
    private func expectSameAnswers(_ text: String, accounts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.filePath))
        chmod(store.filePath, 0o600)
        for account in accounts {
            let one = Result { () throws(TokenStoreError) in try TokenStore(directory: scratch.path).loadOne(account: account) }
            let all = Result { () throws(TokenStoreError) in try TokenStore(directory: scratch.path).load(account: account) }
            #expect(one == all, "\(account)", sourceLocation: sourceLocation)
        }
    }

    private static let entry = #"{"accessToken": "a1", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}"#

    @Test(arguments: [
        #"{"version": 1, "accounts": {"a": \#(entry), "b": \#(entry)}}"#,
        #"{"accounts": {"a": \#(entry), "a": {"accessToken": "a2", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}}, "version": 1}"#,
        #"{"version": 1, "accounts": {"a": \#(entry), "bad": {"accessToken": 5}}}"#,
        #"{"version": 2, "accounts": {"a": \#(entry)}}"#,
        #"{"version": 1, "accounts": [1]}"#,
        #"{"version": 1, "accounts": {"a": \#(entry), "b": }}"#,
        #"{"version": 1}"#,
        #"{"accounts": {}}"#,
        #"{"version": "1", "accounts": {}}"#,
        #"{"version": 1, "accounts": {}} x"#,
        "not json",
    ])
    func answersAndErrorsAreLoads(_ text: String) throws {
        try expectSameAnswers(text, accounts: ["a", "b", "bad", "missing"])
    }

    @Test func oneEntryOfAHundredThousand() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        var text = #"{"accounts": {"#
        for index in 0..<100_000 {
            if index > 0 { text += "," }
            text += #""acct-\#(index)": {"accessToken": "at-\#(index)", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}"#
        }
        text += #"}, "version": 1}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.filePath))
        chmod(store.filePath, 0o600)
        for index in [0, 54_321, 99_999] {
            #expect(try store.loadOne(account: "acct-\(index)")?.accessToken == "at-\(index)")
        }
        #expect(try store.loadOne(account: "acct-100000") == nil)
        #expect(try store.loadOne(account: "acct-54321") == store.load(account: "acct-54321"))
    }

    @Test func noFileIsNoTokens() throws {
        #expect(try TokenStore(directory: ScratchDirectory().path).loadOne(account: "a") == nil)
    }
}
