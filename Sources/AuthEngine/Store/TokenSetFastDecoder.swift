import FoundationEssentials
import Glibc

/// Decodes a token store entry in the shape tokenman writes, without `JSONDecoder`: decoding
/// every entry through `JSONDecoder` (and its date strategy) was most of `tokenman list` at
/// 10,000 accounts.
///
/// Deliberately narrow: it accepts only valid UTF-8 without escapes, an object whose members are
/// all `TokenSet`'s own keys, each once, with the types the synthesized `Decodable` accepts.
/// Anything else returns nil and is decoded by `JSONDecoder` as before, so the tokens read, what
/// is refused and the reasons given are the same (a test compares both on many entries).
///
/// It reads the bytes in place (keys and expiry sources compared as bytes, dates parsed from
/// the bytes), and `expiry` reads an entry with the same checks without building the tokens'
/// text, which `tokenman list` never shows.
enum TokenSetFastDecoder {
    static func decode(_ raw: ArraySlice<UInt8>) -> TokenSet? {
        raw.withUnsafeBufferPointer { read($0, keepingTokens: true) }.flatMap { entry in
            entry.accessToken.map { accessToken in
                TokenSet(
                    accessToken: accessToken, refreshToken: entry.refreshToken, idToken: entry.idToken,
                    accessExpiresAt: entry.accessExpiresAt, refreshExpiresAt: entry.refreshExpiresAt,
                    accessExpirySource: entry.accessSource, refreshExpirySource: entry.refreshSource,
                    obtainedAt: entry.obtainedAt, attributes: entry.attributes
                )
            }
        }
    }

    /// `decode(raw).map(TokenExpiry.init)`: nil exactly when `decode` gives nil.
    static func expiry(_ raw: ArraySlice<UInt8>) -> TokenExpiry? {
        raw.withUnsafeBufferPointer { read($0, keepingTokens: false) }.map { entry in
            TokenExpiry(
                accessExpiresAt: entry.accessExpiresAt, accessExpirySource: entry.accessSource,
                hasRefreshToken: entry.hasRefreshToken, refreshExpiresAt: entry.refreshExpiresAt,
                refreshExpirySource: entry.refreshSource, hasIDToken: entry.hasIDToken, obtainedAt: entry.obtainedAt
            )
        }
    }

    /// What an entry holds; the tokens' text only when read with `keepingTokens`.
    private struct Entry {
        var accessToken: String?
        var refreshToken: String?
        var hasRefreshToken: Bool
        var idToken: String?
        var hasIDToken: Bool
        var accessExpiresAt: Date?
        var refreshExpiresAt: Date?
        var accessSource: ExpirySource
        var refreshSource: ExpirySource
        var obtainedAt: Date
        var attributes: [String: String]
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, keepingTokens: Bool) -> Entry? {
        var ascii = true
        for byte in bytes {
            if byte == UInt8(ascii: "\\") { return nil }
            if byte >= 0x80 { ascii = false }
        }
        guard ascii || String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var reader = Reader(bytes: bytes, index: 0)
        var accessToken: String?, refreshToken: String?, idToken: String?
        var hasAccessToken = false, hasRefreshToken = false, hasIDToken = false
        var accessExpiresAt: Date?, refreshExpiresAt: Date?, obtainedAt: Date?
        var accessSource: ExpirySource?, refreshSource: ExpirySource?
        var attributes: [String: String]?
        var seen: UInt16 = 0
        let complete = reader.members { key, reader in
            guard let field = Field.named(key, in: bytes), seen & field.bit == 0 else { return false }
            seen |= field.bit
            switch field {
            case .accessToken:
                guard let text = reader.string() else { return false }
                hasAccessToken = true
                if keepingTokens { accessToken = reader.text(text) }
            case .refreshToken:
                guard let text = reader.optionalString() else { return false }
                hasRefreshToken = text != nil
                if keepingTokens, let text { refreshToken = reader.text(text) }
            case .idToken:
                guard let text = reader.optionalString() else { return false }
                hasIDToken = text != nil
                if keepingTokens, let text { idToken = reader.text(text) }
            case .accessExpiresAt:
                guard let text = reader.optionalString() else { return false }
                if let text { guard let date = reader.date(text) else { return false }; accessExpiresAt = date }
            case .refreshExpiresAt:
                guard let text = reader.optionalString() else { return false }
                if let text { guard let date = reader.date(text) else { return false }; refreshExpiresAt = date }
            case .obtainedAt:
                guard let text = reader.string(), let date = reader.date(text) else { return false }
                obtainedAt = date
            case .accessExpirySource:
                guard let text = reader.string(), let source = reader.expirySource(text) else { return false }
                accessSource = source
            case .refreshExpirySource:
                guard let text = reader.string(), let source = reader.expirySource(text) else { return false }
                refreshSource = source
            case .attributes:
                var map: [String: String] = [:]
                let read = reader.members { name, reader in
                    guard let text = reader.string() else { return false }
                    return map.updateValue(reader.text(text), forKey: reader.text(name)) == nil
                }
                guard read else { return false }
                attributes = map
            }
            return true
        }
        reader.skipWhitespace()
        guard complete, reader.index == bytes.count, hasAccessToken,
              let accessSource, let refreshSource, let obtainedAt, let attributes
        else { return nil }
        return Entry(
            accessToken: accessToken, refreshToken: refreshToken, hasRefreshToken: hasRefreshToken, idToken: idToken, hasIDToken: hasIDToken,
            accessExpiresAt: accessExpiresAt, refreshExpiresAt: refreshExpiresAt,
            accessSource: accessSource, refreshSource: refreshSource, obtainedAt: obtainedAt, attributes: attributes
        )
    }

    private enum Field: CaseIterable {
        case accessToken, refreshToken, idToken, accessExpiresAt, refreshExpiresAt
        case accessExpirySource, refreshExpirySource, obtainedAt, attributes

        /// The key as it is in the file (checked to hold no escapes).
        var name: StaticString {
            switch self {
            case .accessToken: "accessToken"
            case .refreshToken: "refreshToken"
            case .idToken: "idToken"
            case .accessExpiresAt: "accessExpiresAt"
            case .refreshExpiresAt: "refreshExpiresAt"
            case .accessExpirySource: "accessExpirySource"
            case .refreshExpirySource: "refreshExpirySource"
            case .obtainedAt: "obtainedAt"
            case .attributes: "attributes"
            }
        }

        var bit: UInt16 {
            switch self {
            case .accessToken: 1
            case .refreshToken: 2
            case .idToken: 4
            case .accessExpiresAt: 8
            case .refreshExpiresAt: 16
            case .accessExpirySource: 32
            case .refreshExpirySource: 64
            case .obtainedAt: 128
            case .attributes: 256
            }
        }

        /// The field whose key is `bytes[range]`. Byte equality is `String` equality here: no
        /// other text is canonically equivalent to these ASCII keys.
        static func named(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Field? {
            allCases.first { Reader.equal(bytes, range, $0.name) }
        }
    }

    /// Bytes already checked to be valid UTF-8 without backslashes; any other shape fails.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int

        static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString) -> Bool {
            guard range.count == name.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
            return memcmp(base + range.lowerBound, name.utf8Start, range.count) == 0
        }

        static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: [UInt8]) -> Bool {
            guard range.count == name.count, let base = bytes.baseAddress else { return false }
            return name.withUnsafeBytes { name in
                guard let nameBase = name.baseAddress else { return range.isEmpty }
                return memcmp(base + range.lowerBound, nameBase, range.count) == 0
            }
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// An object: calls `body` with each member's key at its value; false on any other shape.
        mutating func members(_ body: (Range<Int>, inout Reader) -> Bool) -> Bool {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return true
            }
            while true {
                guard let key = string() else { return false }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                index += 1
                guard body(key, &self) else { return false }
                skipWhitespace()
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "}") { return true }
                guard byte == UInt8(ascii: ",") else { return false }
            }
        }

        /// The range of a string's text (without its quotes).
        mutating func string() -> Range<Int>? {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                // Control characters are not allowed in JSON strings.
                guard bytes[end] >= 0x20 else { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            index = end + 1
            return start..<end
        }

        /// `.some(nil)` for null (what `decodeIfPresent` gives), nil for anything but a string.
        mutating func optionalString() -> Range<Int>?? {
            skipWhitespace()
            if bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
               bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l") {
                index += 4
                return .some(nil)
            }
            return string().map { .some($0) }
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        func date(_ range: Range<Int>) -> Date? {
            RFC3339.parse(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
        }

        /// `ExpirySource(rawValue:)` of the text (ASCII raw values: byte equality is equality).
        func expirySource(_ range: Range<Int>) -> ExpirySource? {
            for (source, name) in Self.expirySourceNames where Self.equal(bytes, range, name) { return source }
            return nil
        }

        private static let expirySourceNames = ExpirySource.allCases.map { ($0, Array($0.rawValue.utf8)) }
    }
}
