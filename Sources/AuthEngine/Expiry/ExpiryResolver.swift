import CheckedNumbers
import FoundationEssentials

/// When one token stops being valid, and how that was learnt.
public struct ExpiryResolution: Sendable, Equatable {
    public var expiresAt: Date?
    public var source: ExpirySource

    public init(expiresAt: Date?, source: ExpirySource) {
        self.expiresAt = expiresAt
        self.source = source
    }

    public static let unknown = ExpiryResolution(expiresAt: nil, source: .unknown)
    public static let never = ExpiryResolution(expiresAt: nil, source: .never)
}

/// Picks a token's expiry from the best source available, in this order:
/// 1. an absolute instant in the answer (Starship's RFC 3339 `access_expires_at`): the server's word;
/// 2. `expires_in` seconds, counted from when the answer was received (the injected clock),
///    which slightly undercounts the time left (by the transfer time): the safe side;
/// 3. the token's own JWT `exp` claim (unverified, but written by the issuer);
/// 4. the provider's documented lifetime from receipt (a guess: shown as such);
/// otherwise unknown.
public enum ExpiryResolver {
    public static func resolve(
        absolute: String?,
        expiresIn: Double?,
        token: String?,
        documentedLifetime: TimeInterval?,
        receivedAt: Date
    ) -> ExpiryResolution {
        // Every instant is clamped to years 0001–9999: `expires_in: 1e300` means "a very long
        // time", and a date outside that range could be neither shown nor stored.
        if let absolute, let instant = RFC3339.parse(absolute) {
            return ExpiryResolution(expiresAt: instant.clampedToStorable, source: .absoluteTimestamp)
        }
        if let expiresIn, !expiresIn.isNaN, expiresIn >= 0 {
            return ExpiryResolution(expiresAt: receivedAt.adding(clamped: expiresIn), source: .expiresIn)
        }
        if let token, let exp = JWT.decodeIfPossible(token)?.expiresAt {
            return ExpiryResolution(expiresAt: exp, source: .jwtClaim)
        }
        if let documentedLifetime {
            return ExpiryResolution(expiresAt: receivedAt.adding(clamped: documentedLifetime), source: .documentedLifetime)
        }
        return .unknown
    }
}

extension TokenSet {
    /// An API token used as is (Exabits API Token mode): it never expires and has no refresh token.
    public static func apiToken(_ token: String, obtainedAt: Date) -> TokenSet {
        TokenSet(
            accessToken: token,
            accessExpiresAt: nil,
            refreshExpiresAt: nil,
            accessExpirySource: .never,
            refreshExpirySource: .unknown,
            obtainedAt: obtainedAt
        )
    }
}
