import FoundationEssentials

/// Decodes a token store entry in the shape tokenman writes, without `JSONDecoder`: decoding
/// every entry through `JSONDecoder` (and its date strategy) was most of `tokenman list` at
/// 10,000 accounts.
///
/// Deliberately narrow: it accepts only valid UTF-8 without escapes, an object whose members are
/// all `TokenSet`'s own keys, each once, with the types the synthesized `Decodable` accepts.
/// Anything else returns nil and is decoded by `JSONDecoder` as before, so the tokens read, what
/// is refused and the reasons given are the same (a test compares both on many entries).
enum TokenSetFastDecoder {
    static func decode(_ raw: ArraySlice<UInt8>) -> TokenSet? {
        guard !raw.contains(UInt8(ascii: "\\")), String(validating: raw, as: UTF8.self) != nil else { return nil }
        var reader = Reader(bytes: raw, index: raw.startIndex)
        var accessToken: String?, refreshToken: String?, idToken: String?
        var accessExpiresAt: Date?, refreshExpiresAt: Date?, obtainedAt: Date?
        var accessSource: ExpirySource?, refreshSource: ExpirySource?
        var attributes: [String: String]?
        var seen: UInt16 = 0
        let complete = reader.members { key, reader in
            guard let field = Field(rawValue: key), seen & field.bit == 0 else { return false }
            seen |= field.bit
            switch field {
            case .accessToken:
                guard let text = reader.string() else { return false }
                accessToken = text
            case .refreshToken:
                guard let text = reader.optionalString() else { return false }
                refreshToken = text
            case .idToken:
                guard let text = reader.optionalString() else { return false }
                idToken = text
            case .accessExpiresAt:
                guard let text = reader.optionalString() else { return false }
                if let text { guard let date = RFC3339.parse(text) else { return false }; accessExpiresAt = date }
            case .refreshExpiresAt:
                guard let text = reader.optionalString() else { return false }
                if let text { guard let date = RFC3339.parse(text) else { return false }; refreshExpiresAt = date }
            case .obtainedAt:
                guard let date = reader.string().flatMap(RFC3339.parse) else { return false }
                obtainedAt = date
            case .accessExpirySource:
                guard let source = reader.string().flatMap(ExpirySource.init(rawValue:)) else { return false }
                accessSource = source
            case .refreshExpirySource:
                guard let source = reader.string().flatMap(ExpirySource.init(rawValue:)) else { return false }
                refreshSource = source
            case .attributes:
                var map: [String: String] = [:]
                let read = reader.members { name, reader in
                    guard let text = reader.string() else { return false }
                    return map.updateValue(text, forKey: name) == nil
                }
                guard read else { return false }
                attributes = map
            }
            return true
        }
        reader.skipWhitespace()
        guard complete, reader.index == raw.endIndex,
              let accessToken, let accessSource, let refreshSource, let obtainedAt, let attributes
        else { return nil }
        return TokenSet(
            accessToken: accessToken, refreshToken: refreshToken, idToken: idToken,
            accessExpiresAt: accessExpiresAt, refreshExpiresAt: refreshExpiresAt,
            accessExpirySource: accessSource, refreshExpirySource: refreshSource,
            obtainedAt: obtainedAt, attributes: attributes
        )
    }

    private enum Field: String {
        case accessToken, refreshToken, idToken, accessExpiresAt, refreshExpiresAt
        case accessExpirySource, refreshExpirySource, obtainedAt, attributes

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
    }

    /// Bytes already checked to be valid UTF-8 without backslashes; any other shape fails.
    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var index: Int

        mutating func skipWhitespace() {
            while index < bytes.endIndex {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// An object: calls `body` at each member's value; false on any other shape.
        mutating func members(_ body: (String, inout Reader) -> Bool) -> Bool {
            skipWhitespace()
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "{") else { return false }
            index += 1
            skipWhitespace()
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return true
            }
            while true {
                guard let key = string() else { return false }
                skipWhitespace()
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return false }
                index += 1
                guard body(key, &self) else { return false }
                skipWhitespace()
                guard index < bytes.endIndex else { return false }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "}") { return true }
                guard byte == UInt8(ascii: ",") else { return false }
            }
        }

        mutating func string() -> String? {
            skipWhitespace()
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            // Control characters are not allowed in JSON strings.
            guard !bytes[start..<end].contains(where: { $0 < 0x20 }) else { return nil }
            index = end + 1
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        /// `.some(nil)` for null (what `decodeIfPresent` gives), nil for anything but a string.
        mutating func optionalString() -> String?? {
            skipWhitespace()
            if bytes.endIndex - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
               bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l") {
                index += 4
                return .some(nil)
            }
            return string().map { .some($0) }
        }
    }
}
