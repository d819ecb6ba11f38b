import CheckedNumbers
import FoundationEssentials
import PlatformSupport

/// One member of a JWT header or claims set, in the order the issuer wrote them.
public struct JWTClaim: Sendable, Equatable {
    public var name: String
    public var value: JSONValue
}

/// A decoded JSON Web Token, for display and for reading `exp`.
///
/// The signature is NOT verified, and cannot be: the client holds no key (HS256 secrets stay on
/// the server; fetching an issuer's JWKS would add a network dependency for display only). So
/// nothing here is trusted for access decisions; the provider remains the judge of a token, and
/// `exp` serves only as an expiry hint when the answer gives no better one.
public struct JWT: Sendable, Equatable {
    public var header: [JWTClaim]
    public var claims: [JWTClaim]
    /// Whether a third (signature) segment is present; its bytes are not interpreted.
    public var hasSignature: Bool

    /// Decodes `token`; throws for opaque tokens and damaged JWTs.
    public init(decoding token: String) throws(JWTDecodingError) {
        let parts = token.trimmedWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 2 else { throw JWTDecodingError.notAJWT }
        header = try JWT.decodeSegment(parts[0], which: "header")
        claims = try JWT.decodeSegment(parts[1], which: "claims")
        hasSignature = parts.count == 3 && !parts[2].isEmpty
    }

    /// nil for anything that is not a readable JWT (opaque tokens are normal, not an error).
    public static func decodeIfPossible(_ token: String) -> JWT? {
        try? JWT(decoding: token)
    }

    public func claim(_ name: String) -> JSONValue? { claims.first { $0.name == name }?.value }
    public func headerValue(_ name: String) -> JSONValue? { header.first { $0.name == name }?.value }

    /// `exp` (RFC 7519 NumericDate: seconds since 1970, possibly fractional).
    public var expiresAt: Date? { date(of: "exp") }
    public var issuedAt: Date? { date(of: "iat") }
    public var notBefore: Date? { date(of: "nbf") }

    /// Clamped to years 0001–9999: an `exp` of 1e300 or -1e18 is hostile or broken, and must
    /// not become a date nothing can format or store.
    private func date(of name: String) -> Date? {
        guard case .number(let seconds)? = claim(name), seconds.isFinite else { return nil }
        return Date(clampingSecondsSince1970: seconds)
    }

    private static func decodeSegment(_ segment: Substring, which: String) throws(JWTDecodingError) -> [JWTClaim] {
        guard let data = Base64URL.decode(segment) else { throw JWTDecodingError.badBase64(which) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw JWTDecodingError.badJSON(which)
        }
        guard case .object(let members) = value else { throw JWTDecodingError.badJSON(which) }
        return members.map { JWTClaim(name: $0.key, value: $0.value) }
    }
}

public enum JWTDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not three dot-separated segments: an opaque token.
    case notAJWT
    case badBase64(String)
    case badJSON(String)

    public var description: String {
        switch self {
        case .notAJWT: return "not a JWT (an opaque token)"
        case .badBase64(let part): return "the JWT \(part) is not base64url"
        case .badJSON(let part): return "the JWT \(part) is not a JSON object"
        }
    }
}
