import Crypto
import FoundationEssentials

/// What a token is for, carried in the `token_use` claim (Cognito's name for it).
enum TokenUse: String, Sendable {
    case access
    case refresh
    case id
    /// An Exabits API token: long-lived, no `exp`.
    case api
}

/// The claims the simulator puts in and reads back from its tokens.
struct TokenClaims: Sendable, Equatable {
    var issuer: String
    var subject: String
    var tokenID: String
    var use: TokenUse
    var issuedAt: Int
    /// nil for tokens that never expire (Exabits API tokens).
    var expiresAt: Int?
}

/// Signs and verifies HS256 JWTs with a secret that is random per simulator instance, so
/// tokens from one test's server are worthless to another's.
struct JWTSigner: Sendable {
    /// Raw key bytes: `SymmetricKey` is not `Sendable` in swift-crypto, `Data` is.
    private let keyBytes: Data

    init() {
        keyBytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    private var key: SymmetricKey {
        SymmetricKey(data: keyBytes)
    }

    func sign(_ claims: TokenClaims) -> String {
        var payload: [String: JSONValue] = [
            "iss": .string(claims.issuer),
            "sub": .string(claims.subject),
            "jti": .string(claims.tokenID),
            "token_use": .string(claims.use.rawValue),
            "iat": .int(claims.issuedAt),
        ]
        if let expiresAt = claims.expiresAt {
            payload["exp"] = .int(expiresAt)
        }
        let header = Self.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let body = Self.base64URL(Data(JSONWriter.bytes(of: .object(payload)) ?? []))
        let signingInput = header + "." + body
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return signingInput + "." + Self.base64URL(Data(signature))
    }

    /// The claims of a token this signer issued, or nil when it is malformed or the signature
    /// does not match. Expiry and revocation are the caller's business (they need the clock and
    /// the server's state).
    func verify(_ token: String) -> TokenClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let signature = Self.decodeBase64URL(parts[2]),
              let payloadData = Self.decodeBase64URL(parts[1])
        else { return nil }
        let signingInput = Data((parts[0] + "." + parts[1]).utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key),
              let payload = JSONReader.value(of: payloadData)?.objectFields,
              case .string(let issuer)? = payload["iss"],
              case .string(let subject)? = payload["sub"],
              case .string(let tokenID)? = payload["jti"],
              case .string(let useName)? = payload["token_use"],
              let use = TokenUse(rawValue: useName),
              case .int(let issuedAt)? = payload["iat"]
        else { return nil }
        // A good signature means `sign` wrote this payload, so its times are integers.
        let expiresAt: Int? = if case .int(let seconds)? = payload["exp"] { seconds } else { nil }
        return TokenClaims(
            issuer: issuer,
            subject: subject,
            tokenID: tokenID,
            use: use,
            issuedAt: issuedAt,
            expiresAt: expiresAt
        )
    }

    static func base64URL(_ data: Data) -> String {
        var text = ""
        for character in data.base64EncodedString() {
            switch character {
            case "+": text.append("-")
            case "/": text.append("_")
            case "=": break
            default: text.append(character)
            }
        }
        return text
    }

    static func decodeBase64URL(_ text: Substring) -> Data? {
        let scalars = text.unicodeScalars.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 }
        var base64 = String(String.UnicodeScalarView(scalars))
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
