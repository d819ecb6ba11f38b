import CheckedNumbers
import Foundation
import Testing
@testable import AuthEngine

/// One account's entry that cannot be read must not cost the others their tokens.
@Suite struct TokenStoreEntryTests {
    /// An entry as an older tokenman wrote it from a JWT `exp` of -1e18: a year RFC 3339 cannot
    /// hold, which no reader parses.
    static let badEntry = """
    {"accessToken": "dead", "accessExpiresAt": "-4712-01-01T00:00:00.000Z", "obtainedAt": "2025-06-15T15:06:40.000Z",
     "accessExpirySource": "jwt_exp", "refreshExpirySource": "unknown", "attributes": {}}
    """

    func storeWithABadEntry(_ scratch: ScratchDirectory) throws -> TokenStore {
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens("good"), account: "good")
        var text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"accounts\" : {", with: "\"accounts\" : {\n    \"bad\" : \(Self.badEntry),")
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.filePath))
        return store
    }

    @Test func oneUnreadableEntryLeavesTheOthersReadable() throws {
        let scratch = ScratchDirectory()
        let store = try storeWithABadEntry(scratch)
        #expect(try store.load(account: "good") == sampleTokens("good"))
        #expect(throws: TokenStoreError.unreadableEntry(path: store.filePath, account: "bad", detail: "bad value at accessExpiresAt")) {
            try store.load(account: "bad")
        }
        let snapshot = try store.snapshot()
        #expect(snapshot.tokens == ["good": sampleTokens("good")])
        #expect(snapshot.unreadable == ["bad": "bad value at accessExpiresAt"])
        #expect(try store.loadAll() == ["good": sampleTokens("good")])
    }

    /// `tokenman list` reads expiries only: the same accounts readable and unreadable, for the
    /// same reasons, as a full read, also for entries only `JSONDecoder` reads (an escape).
    @Test func theExpirySnapshotAgreesWithTheFullSnapshot() throws {
        let scratch = ScratchDirectory()
        let store = try storeWithABadEntry(scratch)
        try store.save(TokenSet(accessToken: "never", accessExpirySource: .never, obtainedAt: Date(timeIntervalSince1970: 1_700_000_000)), account: "api")
        var text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        let escaped = #"{"accessToken": "a\/b", "refreshToken": "r", "refreshExpiresAt": "2031-01-02T03:04:05+02:00", "#
            + #""accessExpiresAt": "2030-01-01T00:00:00Z", "obtainedAt": "2025-06-15T15:06:40.000Z", "#
            + #""accessExpirySource": "expires_in", "refreshExpirySource": "documented", "attributes": {"k": "v"}}"#
        text = text.replacingOccurrences(of: "\"accounts\" : {", with: "\"accounts\" : {\n    \"escaped\" : \(escaped),")
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.filePath))

        let full = try store.snapshot()
        #expect(full.tokens.keys.sorted() == ["api", "escaped", "good"])
        let names = ["good", "missing", "bad", "escaped", "api", "good"]
        let expected: [StoredExpiry] = names.map { name in
            if let tokens = full.tokens[name] { return .expiry(TokenExpiry(tokens)) }
            return full.unreadable[name].map(StoredExpiry.unreadable) ?? StoredExpiry.none
        }
        #expect(try store.expiries().of(names) == expected)
        #expect(expected[2] == .unreadable("bad value at accessExpiresAt"))
        #expect(expected[1] == StoredExpiry.none)
        guard case .expiry(let escaped) = expected[3] else { Issue.record("escaped: \(expected[3])"); return }
        #expect(escaped.hasRefreshToken)
        let apiObtainedAt = try #require(full.tokens["api"]).obtainedAt
        #expect(expected[4] == .expiry(TokenExpiry(
            accessExpiresAt: nil, accessExpirySource: .never, hasRefreshToken: false, refreshExpiresAt: nil,
            refreshExpirySource: .unknown, hasIDToken: false, obtainedAt: apiObtainedAt)))
        #expect(try store.expiries().of([]) == [])
        #expect(try TokenStore(directory: scratch.path + "/none").expiries().of(["good"]) == [StoredExpiry.none])
    }

    @Test func theNextWriteKeepsTheUnreadableEntryByteForByte() throws {
        let scratch = ScratchDirectory()
        let store = try storeWithABadEntry(scratch)
        try store.save(sampleTokens("other"), account: "other")
        try store.remove(account: "good")
        let text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        #expect(text.contains(Self.badEntry))
        #expect(try store.snapshot().unreadable.keys.sorted() == ["bad"])
        #expect(try store.loadAll() == ["other": sampleTokens("other")])
        // Nothing was set aside: the entry is still in the store itself.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains("unreadable") }.isEmpty)
    }

    /// A new login of that very account replaces the entry, after copying it to a file.
    @Test func newTokensForTheUnreadableAccountKeepTheOldEntryInAFile() throws {
        let scratch = ScratchDirectory()
        let warnings = WarningSink()
        _ = try storeWithABadEntry(scratch)
        let store = TokenStore(directory: scratch.path, warn: warnings.append)
        try store.save(sampleTokens("fresh"), account: "bad")
        #expect(try store.load(account: "bad") == sampleTokens("fresh"))
        let kept = try TokenStoreTests.keptFiles(in: scratch, label: "unreadable")
        #expect(kept.count == 1)
        #expect(try String(contentsOfFile: scratch.file(kept.first ?? ""), encoding: .utf8) == Self.badEntry)
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.contains(scratch.file(kept.first ?? "")) == true)
        #expect(warnings.messages.first?.contains("dead") == false)
    }

    /// Dates from absurd provider numbers are clamped to years 0001–9999 and read back.
    @Test func datesOutsideFourDigitYearsNeverReachTheStore() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        var tokens = sampleTokens()
        tokens.accessExpiresAt = Date(timeIntervalSince1970: -1e18)
        tokens.refreshExpiresAt = Date(timeIntervalSince1970: 1e18)
        try store.save(tokens, account: "odd")
        let loaded = try #require(try store.load(account: "odd"))
        #expect(loaded.accessExpiresAt == Date.earliestStorable)
        #expect(loaded.refreshExpiresAt == Date.latestStorable)
        #expect(!loaded.isAccessValid(at: Date()))
        let text = try String(contentsOfFile: store.filePath, encoding: .utf8)
        // The earliest instant Foundation writes as year 1 (its calendar is Julian there).
        #expect(text.contains("\"accessExpiresAt\" : \"0001-01-01T00:00:00.000Z\""))
        #expect(text.contains("\"9999-12-31T23:59:59.000Z\""))
    }

    /// A SIGKILL between creating the temp file and renaming it leaves a full copy of every
    /// token behind; the next write (under the lock) removes it. Other files stay.
    @Test func leftoverTempFilesAreRemovedByTheNextWrite() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        try store.save(sampleTokens(), account: "work")
        for name in [".tokens.json.k3j2.tmp", ".tokens.json.zz.tmp", "notes.tmp"] {
            try Data("{}".utf8).write(to: URL(fileURLWithPath: scratch.file(name)))
        }
        try store.remove(account: "work")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        #expect(names == ["notes.tmp", "tokens.json", "tokens.lock"])
    }

    @Test func accountNamesWithQuotesAndControlCharactersRoundTrip() throws {
        let scratch = ScratchDirectory()
        let store = TokenStore(directory: scratch.path)
        let names = ["a\"b", "back\\slash", "tab\tnew\nline", "ünïcødé", "\u{1}"]
        for name in names { try store.save(sampleTokens(name), account: name) }
        let reopened = TokenStore(directory: scratch.path)
        for name in names { #expect(try reopened.load(account: name) == sampleTokens(name)) }
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store.filePath))) is [String: Any])
    }
}
