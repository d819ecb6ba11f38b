import Foundation
import Testing
@testable import AuthEngine

/// `TokenStoreStream`, the chunked reader every store read goes through, against the whole-file
/// reader (`TokenStoreFile.scan(bytes:)`, which the writes and the fuzz harness use): the same
/// answers and the same errors, at the same byte offsets, for any text, any chunk size and any
/// way the reads split the file.
@Suite struct TokenStoreStreamTests {
    /// What a read of `bytes` answers: the snapshot, the expiries of every name the generator
    /// uses, and the entry each of them reads as (one at a time and all at once).
    struct Answers: Equatable {
        var snapshot: TokenStoreSnapshot
        var expiries: [StoredExpiry]
        var one: [String: TokenStoreFile.Entry?]
        var named: [String: TokenStoreFile.Entry]
    }

    static let names = TokenStoreTextGenerator.allNames

    static func wholeFile(_ bytes: [UInt8]) -> Result<Answers, TokenStoreError> {
        Result { () throws(TokenStoreError) in
            let scanned = try TokenStoreFile.scan(bytes: bytes, path: "tokens.json")
            return Answers(
                snapshot: scanned.snapshot(), expiries: scanned.expiries().of(names),
                one: Dictionary(uniqueKeysWithValues: names.map { ($0, scanned.entry($0)) }),
                named: scanned.entries(named: Set(names)))
        }
    }

    /// A stream of `bytes`, `chunk` bytes at a time, each read giving at most `readLimit` bytes.
    static func stream(_ bytes: [UInt8], chunk: Int, readLimit: Int = .max, sizeHint: Int? = nil) -> TokenStoreStream {
        TokenStoreStream(path: "tokens.json", sizeHint: sizeHint ?? bytes.count, chunkSize: chunk) { buffer, offset throws(TokenStoreError) in
            let count = max(0, min(buffer.count, readLimit, bytes.count - offset))
            bytes.withUnsafeBytes { source in
                guard count > 0, let base = source.baseAddress else { return }
                buffer.baseAddress?.copyMemory(from: base + offset, byteCount: count)
            }
            return count
        }
    }

    static func streamed<Sink: TokenStoreEntrySink>(
        _ bytes: [UInt8], chunk: Int, readLimit: Int = .max, sizeHint: Int? = nil, into sink: Sink
    ) -> (Result<Sink, TokenStoreError>, largestBuffer: Int) {
        var stream = Self.stream(bytes, chunk: chunk, readLimit: readLimit, sizeHint: sizeHint)
        var sink = sink
        let result = Result { () throws(TokenStoreError) in
            try stream.read(into: &sink)
            return sink
        }
        return (result, stream.largestBuffer)
    }

    static func chunked(_ bytes: [UInt8], chunk: Int, readLimit: Int = .max, sizeHint: Int? = nil) -> Result<Answers, TokenStoreError> {
        Result { () throws(TokenStoreError) in
            let snapshot = try streamed(bytes, chunk: chunk, readLimit: readLimit, sizeHint: sizeHint, into: TokenStoreEntrySinks.Snapshot()).0.get()
            let expiries = try streamed(bytes, chunk: chunk, readLimit: readLimit, sizeHint: sizeHint, into: TokenStoreEntrySinks.Expiries()).0.get()
            var one: [String: TokenStoreFile.Entry?] = [:]
            for name in names {
                one[name] = try streamed(bytes, chunk: chunk, readLimit: readLimit, sizeHint: sizeHint, into: TokenStoreEntrySinks.One(name)).0.get().entry
            }
            let named = try streamed(bytes, chunk: chunk, readLimit: readLimit, sizeHint: sizeHint, into: TokenStoreEntrySinks.Named(Set(names))).0.get()
            return Answers(snapshot: snapshot.snapshot, expiries: expiries.expiries.of(names), one: one, named: named.entries)
        }
    }

    /// Only the snapshot (the cheapest comparison, for the many damaged texts): its answer or error.
    static func chunkedSnapshot(_ bytes: [UInt8], chunk: Int, readLimit: Int = .max) -> Result<TokenStoreSnapshot, TokenStoreError> {
        streamed(bytes, chunk: chunk, readLimit: readLimit, into: TokenStoreEntrySinks.Snapshot()).0.map(\.snapshot)
    }

    static func wholeFileSnapshot(_ bytes: [UInt8]) -> Result<TokenStoreSnapshot, TokenStoreError> {
        Result { () throws(TokenStoreError) in try TokenStoreFile.scan(bytes: bytes, path: "tokens.json").snapshot() }
    }

    @Test func generatedStoresReadTheSameInAnyChunks() {
        var generator = TokenStoreTextGenerator(seed: 13)
        var outcomes: [String: Int] = [:]
        for _ in 0..<150 {
            let bytes = Array(generator.store().utf8)
            let expected = Self.wholeFile(bytes)
            let outcome: String = switch expected {
            case .success: "read"
            case .failure(let error): error.description
            }
            outcomes[outcome, default: 0] += 1
            for chunk in [1, 2, 3, 5, 8, 13, 64, 257, 4096, TokenStoreStream.defaultChunkSize] {
                #expect(Self.chunked(bytes, chunk: chunk) == expected, "chunk \(chunk): \(String(decoding: bytes, as: UTF8.self))")
            }
            #expect(Self.chunked(bytes, chunk: 16, readLimit: 3, sizeHint: 0) == expected)
        }
        // The generator does make every kind of answer (else this test would prove little).
        #expect((outcomes["read"] ?? 0) > 50)
        for kind in ["newer", "is not an object", "missing \"version\"", "is not a whole number"] {
            #expect(outcomes.keys.contains { $0.contains(kind) }, "\(kind): \(outcomes)")
        }
    }

    /// Every way a chunk's end can cut a member: chunk sizes from 1 to the whole file, so each
    /// entry, name, escape, number and literal straddles a boundary at every offset.
    @Test func everyChunkBoundaryGivesTheSameAnswer() {
        let text = #"{"version" : 1, "accounts": {"a\u00e9\ud83d\ude00": {"accessToken": "a1", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}},"#
            + #" "we\"ird": {"accessToken": "a\/b", "obtainedAt": "2025-06-15T15:06:40Z", "accessExpirySource": "never", "refreshExpirySource": "unknown", "attributes": {"k": "\u0041"}},"#
            + #" "n": 12.5e-3, "t": true, "f": false, "z": null, "bad": {"accessToken": 5}, "n": -0,"#
            + #" "a\u00e9\ud83d\ude00": {"accessToken": "a2", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}}, "version": 1}"#
        let bytes = Array(text.utf8)
        let expected = Self.wholeFile(bytes)
        #expect((try? expected.get())?.snapshot.tokens["aé😀"]?.accessToken == "a2")
        for chunk in 1...(bytes.count + 1) {
            #expect(Self.chunked(bytes, chunk: chunk) == expected, "chunk \(chunk)")
        }
    }

    /// A file cut at any byte is an error (the whole-file reader's, at its offset), never a
    /// trap and never a read that succeeds with fewer accounts.
    @Test func aTruncatedFileIsAnErrorAtEveryByte() {
        var generator = TokenStoreTextGenerator(seed: 7)
        let text = #"{"accounts": {"a": {"accessToken": "a1", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}, "\u00e9": [1, true, false, null, 2.5e3]}, "version": 1}"#
        let bytes = Array(text.utf8)
        #expect((try? Self.wholeFileSnapshot(bytes).get())?.tokens.count == 1)
        for length in 0..<bytes.count {
            let cut = Array(bytes[..<length])
            let expected = Self.wholeFileSnapshot(cut)
            #expect((try? expected.get()) == nil, "whole-file read of \(length) bytes")
            for chunk in [1, 2, 7, 64, generator.below(200) + 1] {
                #expect(Self.chunkedSnapshot(cut, chunk: chunk) == expected, "\(length) bytes, chunk \(chunk)")
            }
        }
    }

    /// Texts damaged at random (a byte replaced, removed or repeated): the same answer or the
    /// same error as the whole-file reader.
    @Test func damagedStoresFailTheSameWay() {
        var generator = TokenStoreTextGenerator(seed: 99)
        var failures = 0
        for _ in 0..<1500 {
            let bytes = generator.damaged(Array(generator.store(longText: 40).utf8))
            let expected = Self.wholeFileSnapshot(bytes)
            if (try? expected.get()) == nil { failures += 1 }
            let chunk = generator.pick([1, 3, 16, 100, 4096])
            #expect(Self.chunkedSnapshot(bytes, chunk: chunk, readLimit: generator.pick([1, 5, .max])) == expected,
                    "chunk \(chunk): \(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(failures > 300)
    }

    @Test(arguments: [
        "", " ", "\u{FEFF}", "\u{FEFF}{}", "{", "}", "[]", "{}", "{} x", "{}}", #"{"version": 1, "accounts": {}} {"#,
        #"{"version": 1, "accounts": {}}"#, #"{"version": 1, "accounts": {},}"#, #"{"version": 1 "accounts": {}}"#,
        #"{"version": 1, "accounts": {"a": 1,}}"#, #"{"version": 1, "accounts": {"a" 1}}"#, #"{"version": 1, "accounts": {"a": tru}}"#,
        #"{"version": 1, "accounts": {"a\x": 1}}"#, #"{"version": 1, "accounts": {"\ud83d": 1}}"#, #"{"version": 1, "accounts": {"\u12": 1}}"#,
        #"{"version": 1e0, "accounts": {}}"#, #"{"version": 01, "accounts": {}}"#, #"{"version": 1, "accounts": {"a": 1.}}"#,
        "{\"version\": 1, \"accounts\": {\"a\": \"\u{1}\"}}", #"{"version": 2, "accounts": {}} x"#,
        #"{"version": 1, "accounts": {"a": "#, #"{"version": 1, "accounts": {"a": 12"#,
    ])
    func smallTextsReadTheSame(_ text: String) {
        let bytes = Array(text.utf8)
        let expected = Self.wholeFile(bytes)
        for chunk in 1...(bytes.count + 2) {
            #expect(Self.chunked(bytes, chunk: chunk) == expected, "chunk \(chunk)")
        }
    }

    /// Deeper than the scanner's limit inside an entry: the same "nested too deeply", wherever
    /// the chunks end.
    @Test func deepNestingFailsAtTheSameByte() {
        for depth in [253, 254, 255, 256] {
            let entry = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let bytes = Array(#"{"version": 1, "accounts": {"a": \#(entry)}}"#.utf8)
            let expected = Self.wholeFileSnapshot(bytes)
            for chunk in [1, 10, 100, 1000] {
                #expect(Self.chunkedSnapshot(bytes, chunk: chunk) == expected, "depth \(depth), chunk \(chunk)")
            }
        }
    }

    // MARK: - The buffer

    /// The buffer is one chunk while entries fit in one, grows for an entry larger than a chunk
    /// (to less than twice that entry), and is one chunk again after it.
    @Test func theBufferHoldsAChunkAndGrowsForOneLargeEntryOnly() throws {
        let small = #"{"accessToken": "at", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}"#
        let large = #"{"accessToken": "\#(String(repeating: "t", count: 300_000))", "obtainedAt": "2025-06-15T15:06:40.000Z", "accessExpirySource": "unknown", "refreshExpirySource": "unknown", "attributes": {}}"#
        func store(_ entries: [(String, String)]) -> [UInt8] {
            Array(("{\n  \"accounts\" : {\n" + entries.map { "    \"\($0.0)\" : \($0.1)" }.joined(separator: ",\n") + "\n  },\n  \"version\" : 1\n}\n").utf8)
        }
        let chunk = 16 * 1024
        let many = (0..<5_000).map { (String(format: "acct-%05d", $0), small) }
        let plain = store(many)
        #expect(plain.count > 40 * chunk)
        let (read, largest) = Self.streamed(plain, chunk: chunk, into: TokenStoreEntrySinks.Expiries())
        #expect(try read.get().expiries.of(["acct-04999"]).first.map { if case .expiry = $0 { true } else { false } } == true)
        #expect(largest == chunk)

        var withLarge = many
        withLarge.insert(("huge", large), at: 2_000)
        let bytes = store(withLarge)
        var stream = Self.stream(bytes, chunk: chunk)
        var sink = TokenStoreEntrySinks.One("huge")
        try stream.read(into: &sink)
        guard case .tokens(let tokens) = sink.entry else { Issue.record("the large entry was not read"); return }
        #expect(tokens.accessToken.count == 300_000)
        #expect(stream.largestBuffer > large.utf8.count)
        #expect(stream.largestBuffer <= 2 * (large.utf8.count + 64))
        #expect(stream.bufferSize == chunk)
    }

    /// A small file gets a buffer of its size, not a chunk (the cached `token` of a few accounts).
    @Test func aSmallFileGetsASmallBuffer() throws {
        let bytes = Array(#"{"accounts": {}, "version": 1}"#.utf8)
        let (read, largest) = Self.streamed(bytes, chunk: TokenStoreStream.defaultChunkSize, into: TokenStoreEntrySinks.Snapshot())
        #expect(try read.get().snapshot == TokenStoreSnapshot())
        #expect(largest == bytes.count + 1)
    }
}
