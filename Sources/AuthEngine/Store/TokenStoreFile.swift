import CheckedNumbers
import FoundationEssentials
import Glibc

/// The on-disk shape of `tokens.json`: a format version and account name -> tokens.
///
/// Why one file for all accounts rather than one per account: the CLI's cached
/// `tokenman token` path and the TUI's first frame each need one file, one atomic rename
/// publishes a consistent snapshot of every account, and a single lock covers every
/// read-modify-write. A person has a handful of accounts, so the file stays a few KiB.
///
/// Each account's entry is decoded on its own (see `JSONMemberScanner`): an entry this version
/// cannot read is reported for that account only and written back byte for byte, so one bad
/// entry never makes the other accounts unreadable nor gets lost on the next write.
struct TokenStoreFile: Sendable, Equatable {
    static let currentVersion = 1

    enum Entry: Sendable, Equatable {
        case tokens(TokenSet)
        /// The entry's JSON text as it was in the file, and why it could not be decoded.
        case unreadable(raw: [UInt8], detail: String)
    }

    var version: Int
    var entries: [String: Entry]
    /// The text each readable entry had in the file it was read from, with what it decoded to:
    /// an entry that is still the same is written back as that text instead of being encoded
    /// again, so a write costs a copy of the accounts it does not change (a refresh of many
    /// accounts writes the store many times). Not part of equality: it only saves work.
    var verbatim: [String: (tokens: TokenSet, text: ArraySlice<UInt8>)] = [:]

    init(version: Int = TokenStoreFile.currentVersion, entries: [String: Entry] = [:]) {
        self.version = version
        self.entries = entries
    }

    static func == (lhs: TokenStoreFile, rhs: TokenStoreFile) -> Bool {
        lhs.version == rhs.version && lhs.entries == rhs.entries
    }

    /// The accounts whose entries could be decoded.
    var tokens: [String: TokenSet] {
        entries.compactMapValues { if case .tokens(let tokens) = $0 { tokens } else { nil } }
    }

    /// Account -> why its entry could not be decoded.
    var unreadable: [String: String] {
        entries.compactMapValues { if case .unreadable(_, let detail) = $0 { detail } else { nil } }
    }

    // MARK: - Reading

    /// The file's structure: its version is supported and `accounts` is an object. Entries are
    /// left undecoded until asked for. The whole-file reader: writes use it (they hold the whole
    /// file anyway); reads stream the file instead (`TokenStoreStream`, which gives the same
    /// answers and errors, as tests and the fuzz harness check against this one).
    struct Scanned: Sendable {
        let bytes: [UInt8]
        let accounts: [JSONMemberScanner.Member]

        /// Whether `data` is the text this scan was made of.
        func hasBytes(of data: [UInt8]) -> Bool {
            guard bytes.count == data.count else { return false }
            return bytes.withUnsafeBytes { scanned in
                data.withUnsafeBytes { read in
                    guard let scannedBase = scanned.baseAddress, let readBase = read.baseAddress else { return true }
                    return memcmp(scannedBase, readBase, read.count) == 0
                }
            }
        }

        /// The entry of `account`, decoded now (the last one wins if the name repeats).
        func entry(_ account: String) -> Entry? {
            accounts.last { $0.key == account }.map(decode)
        }

        /// The entries of `names` that the file has, each decoded once (the last one wins if a
        /// name repeats): `entry(_:)` for many accounts in one pass over the members.
        func entries(named names: Set<String>) -> [String: Entry] {
            var found: [String: JSONMemberScanner.Member] = [:]
            for member in accounts where names.contains(member.key) { found[member.key] = member }
            return found.mapValues(decode)
        }

        func allEntries() -> [String: Entry] {
            var entries: [String: Entry] = [:]
            for member in accounts { entries[member.key] = decode(member) }
            return entries
        }

        /// Every entry decoded, each readable one with its text (see `TokenStoreFile.verbatim`).
        func file() -> TokenStoreFile {
            var file = TokenStoreFile()
            for member in accounts {
                let entry = decode(member)
                file.entries[member.key] = entry
                if case .tokens(let tokens) = entry {
                    file.verbatim[member.key] = (tokens, bytes[member.range])
                } else {
                    file.verbatim[member.key] = nil
                }
            }
            return file
        }

        /// What `file()` gives as `tokens` and `unreadable`, built directly: a read of every
        /// account (`list`, the UI) needs neither the entries nor their texts, and with many
        /// accounts those were most of the read's peak memory.
        func snapshot() -> TokenStoreSnapshot {
            var snapshot = TokenStoreSnapshot()
            snapshot.tokens.reserveCapacity(accounts.count)
            for member in accounts { snapshot.record(decode(member), for: member.key) }
            return snapshot
        }

        /// Every entry reduced to its expiry, as `snapshot()` reads it (readable or not, for the
        /// same reasons), without building the tokens' text.
        func expiries() -> StoredExpiries {
            StoredExpiries(names: accounts.map(\.key), entries: accounts.map { TokenStoreFile.expiry(bytes[$0.range]) })
        }

        func decode(_ member: JSONMemberScanner.Member) -> Entry {
            TokenStoreFile.decodeEntry(bytes[member.range])
        }
    }

    /// One account's entry decoded from its JSON text: by `TokenSetFastDecoder` when it can,
    /// else by `JSONDecoder`, whose reason is kept when that fails too.
    static func decodeEntry(_ text: ArraySlice<UInt8>) -> Entry {
        if let tokens = TokenSetFastDecoder.decode(text) { return .tokens(tokens) }
        let raw = Array(text)
        do {
            return .tokens(try decoder().decode(TokenSet.self, from: Data(raw)))
        } catch {
            return .unreadable(raw: raw, detail: describe(error))
        }
    }

    /// One account's entry reduced to its expiry, as `decodeEntry` reads it, without building
    /// the tokens' text when the fast decoder reads it.
    static func expiry(_ text: ArraySlice<UInt8>) -> StoredExpiry {
        if let expiry = TokenSetFastDecoder.expiry(text) { return .expiry(expiry) }
        switch decodeEntry(text) {
        case .tokens(let tokens): return .expiry(TokenExpiry(tokens))
        case .unreadable(_, let detail): return .unreadable(detail)
        }
    }

    /// Checks the structure; throws `.corrupt` when the file as a whole is unusable (not JSON,
    /// no version, `accounts` not an object) and `.unsupportedVersion` for a newer format.
    static func scan(_ data: Data, path: String) throws(TokenStoreError) -> Scanned {
        try scan(bytes: [UInt8](data), path: path)
    }

    static func scan(bytes: [UInt8], path: String) throws(TokenStoreError) -> Scanned {
        let accountsRange = try accountsObject(in: bytes, path: path)
        let accounts: [JSONMemberScanner.Member]?
        do {
            accounts = try JSONMemberScanner.members(of: accountsRange, in: bytes)
        } catch {
            throw .corrupt(path: path, detail: "not valid JSON (\(error.reason) at byte \(error.offset))", keptCopy: nil)
        }
        guard let accounts else {
            throw .corrupt(path: path, detail: "\"accounts\" is not an object", keptCopy: nil)
        }
        return Scanned(bytes: bytes, accounts: accounts)
    }

    /// The range of the `accounts` value after checking the document and its version.
    private static func accountsObject(in bytes: [UInt8], path: String) throws(TokenStoreError) -> Range<Int> {
        let members: [JSONMemberScanner.Member]
        do {
            members = try JSONMemberScanner.members(ofDocument: bytes)
        } catch {
            throw .corrupt(path: path, detail: "not valid JSON (\(error.reason) at byte \(error.offset))", keptCopy: nil)
        }
        guard let versionMember = members.last(where: { $0.key == "version" }) else {
            throw .corrupt(path: path, detail: "missing \"version\"", keptCopy: nil)
        }
        guard let version = Int(String(decoding: bytes[versionMember.range], as: UTF8.self)) else {
            throw .corrupt(path: path, detail: "\"version\" is not a whole number", keptCopy: nil)
        }
        // Checked before the rest: a newer format must be refused, not reported as corrupt.
        guard version <= currentVersion else {
            throw .unsupportedVersion(path: path, version: version)
        }
        guard let accountsMember = members.last(where: { $0.key == "accounts" }) else {
            throw .corrupt(path: path, detail: "missing \"accounts\"", keptCopy: nil)
        }
        return accountsMember.range
    }

    static func decode(_ data: Data, path: String) throws(TokenStoreError) -> TokenStoreFile {
        try scan(data, path: path).file()
    }

    // MARK: - Writing

    /// Pretty-printed JSON with sorted keys. Readable entries are encoded afresh; unreadable
    /// ones are copied in as they were.
    func encoded() throws(TokenStoreError) -> Data {
        Data(try encodedScan().bytes)
    }

    /// What `encoded()` writes, with where each entry is in it: the store keeps it as the scan
    /// of the file it just wrote, so the next read of that file need not scan it.
    func encodedScan() throws(TokenStoreError) -> Scanned {
        let encoder = Self.encoder()
        var members: [JSONMemberScanner.Member] = []
        members.reserveCapacity(entries.count)
        var text: [UInt8] = []
        text.reserveCapacity(verbatim.values.reduce(64) { $0 + $1.text.count + 64 })
        text += "{\n  \"accounts\" : {".utf8
        var first = true
        for (account, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += (first ? "\n" : ",\n").utf8
            first = false
            text += "    \(Self.quoted(account)) : ".utf8
            let start = text.count
            defer { members.append(JSONMemberScanner.Member(key: account, range: start..<text.count)) }
            switch entry {
            case .tokens(let tokens):
                if let kept = verbatim[account], kept.tokens == tokens {
                    text += kept.text
                    continue
                }
                let data: Data
                do {
                    data = try encoder.encode(tokens)
                } catch {
                    throw .io(path: "tokens.json", operation: "encode", reason: Self.describe(error))
                }
                // JSON strings never hold a raw newline, so this only indents the structure.
                data.withUnsafeBytes { (encoded: UnsafeRawBufferPointer) in
                    var lineStart = 0
                    for (index, byte) in encoded.enumerated() where byte == UInt8(ascii: "\n") {
                        text += encoded[lineStart...index]
                        text += "    ".utf8
                        lineStart = index + 1
                    }
                    text += encoded[lineStart...]
                }
            case .unreadable(let raw, _):
                text += raw
            }
        }
        text += (first ? "}" : "\n  }").utf8
        text += ",\n  \"version\" : \(version)\n}\n".utf8
        return Scanned(bytes: text, accounts: members)
    }

    /// This file as a read of `scanned`, its own encoding, would give it: entries copied as
    /// they were read keep their tokens; the ones encoded afresh are decoded from the new text
    /// (the encoding keeps milliseconds, so the values in memory may be finer than a read).
    func reread(from scanned: Scanned) -> TokenStoreFile {
        var file = self
        file.verbatim = [:]
        for member in scanned.accounts {
            guard case .tokens(let tokens) = entries[member.key] else { continue }
            let text = scanned.bytes[member.range]
            if let kept = verbatim[member.key], kept.tokens == tokens {
                file.verbatim[member.key] = (tokens, text)
                continue
            }
            let read = scanned.decode(member)
            file.entries[member.key] = read
            if case .tokens(let decoded) = read { file.verbatim[member.key] = (decoded, text) }
        }
        return file
    }

    /// A JSON string literal (the one encoder the engine has, `JSONValue`'s).
    static func quoted(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, to: &out)
        return out
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601WithFractionalSeconds
        return decoder
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601WithFractionalSeconds
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }

    /// A short reason without echoing the file's content (it holds tokens).
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context.codingPath))"
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        default:
            return "cannot decode"
        }
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.isEmpty ? "top level" : codingPath.map(\.stringValue).joined(separator: ".")
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// RFC 3339 with milliseconds: readable in the file and exact enough for countdowns.
    static let iso8601WithFractionalSeconds = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = RFC3339.parse(text) else {
            // The text is not repeated: it sits next to tokens in the file.
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date")
        }
        return date
    }
}

extension JSONEncoder.DateEncodingStrategy {
    /// Dates are clamped to years 0001–9999 first: RFC 3339 has four-digit years, and a date
    /// outside them (from a provider's absurd `exp`) would be written as text no reader parses.
    static let iso8601WithFractionalSeconds = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(RFC3339.format(date.clampedToStorable, fractionalSeconds: true))
    }
}
