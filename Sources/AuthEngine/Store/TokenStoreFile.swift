import CheckedNumbers
import Foundation

/// The on-disk shape of `tokens.json`: a format version and account name -> tokens.
///
/// Why one file for all accounts rather than one per account: the CLI's cached
/// `tokenman token` path and the TUI's first frame each need one `read`, one atomic rename
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

    init(version: Int = TokenStoreFile.currentVersion, entries: [String: Entry] = [:]) {
        self.version = version
        self.entries = entries
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
    /// left undecoded, so the cached path decodes only the one account it needs.
    struct Scanned {
        let bytes: [UInt8]
        let accounts: [JSONMemberScanner.Member]

        /// The entry of `account`, decoded now (the last one wins if the name repeats).
        func entry(_ account: String) -> Entry? {
            accounts.last { $0.key == account }.map(decode)
        }

        func allEntries() -> [String: Entry] {
            var entries: [String: Entry] = [:]
            for member in accounts { entries[member.key] = decode(member) }
            return entries
        }

        private func decode(_ member: JSONMemberScanner.Member) -> Entry {
            if let tokens = TokenSetFastDecoder.decode(bytes[member.range]) { return .tokens(tokens) }
            let raw = Array(bytes[member.range])
            do {
                return .tokens(try TokenStoreFile.decoder().decode(TokenSet.self, from: Data(raw)))
            } catch {
                return .unreadable(raw: raw, detail: TokenStoreFile.describe(error))
            }
        }
    }

    /// Checks the structure; throws `.corrupt` when the file as a whole is unusable (not JSON,
    /// no version, `accounts` not an object) and `.unsupportedVersion` for a newer format.
    static func scan(_ data: Data, path: String) throws(TokenStoreError) -> Scanned {
        let bytes = [UInt8](data)
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
        let accounts: [JSONMemberScanner.Member]?
        do {
            accounts = try JSONMemberScanner.members(of: accountsMember.range, in: bytes)
        } catch {
            throw .corrupt(path: path, detail: "not valid JSON (\(error.reason) at byte \(error.offset))", keptCopy: nil)
        }
        guard let accounts else {
            throw .corrupt(path: path, detail: "\"accounts\" is not an object", keptCopy: nil)
        }
        return Scanned(bytes: bytes, accounts: accounts)
    }

    static func decode(_ data: Data, path: String) throws(TokenStoreError) -> TokenStoreFile {
        TokenStoreFile(entries: try scan(data, path: path).allEntries())
    }

    // MARK: - Writing

    /// Pretty-printed JSON with sorted keys. Readable entries are encoded afresh; unreadable
    /// ones are copied in as they were.
    func encoded() throws(TokenStoreError) -> Data {
        let encoder = Self.encoder()
        var text = "{\n  \"accounts\" : {"
        var first = true
        for (account, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += first ? "\n" : ",\n"
            first = false
            text += "    \(Self.quoted(account)) : "
            switch entry {
            case .tokens(let tokens):
                let data: Data
                do {
                    data = try encoder.encode(tokens)
                } catch {
                    throw .io(path: "tokens.json", operation: "encode", reason: Self.describe(error))
                }
                // JSON strings never hold a raw newline, so this only indents the structure.
                text += String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n    ")
            case .unreadable(let raw, _):
                text += String(decoding: raw, as: UTF8.self)
            }
        }
        text += first ? "}" : "\n  }"
        text += ",\n  \"version\" : \(version)\n}\n"
        return Data(text.utf8)
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
