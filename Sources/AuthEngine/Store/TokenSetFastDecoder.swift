import Foundation

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
        guard !raw.contains(UInt8(ascii: "\\")), String(validating: raw, as: UTF8.self) != nil,
              let value = try? JSONParser.parse(bytes: Array(raw)), case .object(let members) = value
        else { return nil }
        var accessToken: String?, refreshToken: String?, idToken: String?
        var accessExpiresAt: Date?, refreshExpiresAt: Date?, obtainedAt: Date?
        var accessSource: ExpirySource?, refreshSource: ExpirySource?
        var attributes: [String: String]?
        var seen = Set<String>()
        for (key, value) in members {
            guard seen.insert(key).inserted else { return nil }
            switch key {
            case "accessToken":
                guard let text = value.stringValue else { return nil }
                accessToken = text
            case "refreshToken":
                guard let text = optionalString(value) else { return nil }
                refreshToken = text
            case "idToken":
                guard let text = optionalString(value) else { return nil }
                idToken = text
            case "accessExpiresAt":
                guard let date = optionalDate(value) else { return nil }
                accessExpiresAt = date
            case "refreshExpiresAt":
                guard let date = optionalDate(value) else { return nil }
                refreshExpiresAt = date
            case "obtainedAt":
                guard let text = value.stringValue, let date = RFC3339.parse(text) else { return nil }
                obtainedAt = date
            case "accessExpirySource":
                guard let source = value.stringValue.flatMap(ExpirySource.init(rawValue:)) else { return nil }
                accessSource = source
            case "refreshExpirySource":
                guard let source = value.stringValue.flatMap(ExpirySource.init(rawValue:)) else { return nil }
                refreshSource = source
            case "attributes":
                guard case .object(let pairs) = value else { return nil }
                var map: [String: String] = [:]
                for (name, text) in pairs {
                    guard let text = text.stringValue, map.updateValue(text, forKey: name) == nil else { return nil }
                }
                attributes = map
            default:
                return nil
            }
        }
        guard let accessToken, let accessSource, let refreshSource, let obtainedAt, let attributes else { return nil }
        return TokenSet(
            accessToken: accessToken, refreshToken: refreshToken, idToken: idToken,
            accessExpiresAt: accessExpiresAt, refreshExpiresAt: refreshExpiresAt,
            accessExpirySource: accessSource, refreshExpirySource: refreshSource,
            obtainedAt: obtainedAt, attributes: attributes
        )
    }

    /// `.some(nil)` for null (what `decodeIfPresent` gives), nil for a wrong type.
    private static func optionalString(_ value: JSONValue) -> String?? {
        if case .null = value { return .some(nil) }
        return value.stringValue.map { .some($0) }
    }

    private static func optionalDate(_ value: JSONValue) -> Date?? {
        if case .null = value { return .some(nil) }
        return value.stringValue.flatMap(RFC3339.parse).map { .some($0) }
    }
}
