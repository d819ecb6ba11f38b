/// What a token may contain, checked when a provider hands one over and again before one is
/// printed, put in a header line or in the environment.
///
/// The rule is a documented superset of RFC 6750's `token68` (letters, digits, `-._~+/`, trailing
/// `=`): any visible ASCII character (0x21–0x7E) except `"` and `\`. Real providers' tokens are
/// JWTs or opaque base64/hex strings, all inside this set. Excluded, and why:
/// - controls (CR, LF, NUL, ESC): a CR LF would add a header line to `tokenman header | curl -H @-`,
///   a NUL silently cuts an environment variable, an ESC drives the terminal;
/// - space and non-ASCII: not valid in an `Authorization` header value's token;
/// - `"` and `\`: they would break out of ByteConnect's `"access_token": "…"` body line.
public enum TokenSyntax {
    public static func isValid(_ token: String) -> Bool {
        !token.isEmpty && token.utf8.allSatisfy { byte in
            byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
        }
    }

    /// Why `token` is refused, in words that never quote it (it is a secret).
    static func flaw(in token: String) -> String {
        if token.isEmpty { return "it is empty" }
        for byte in token.utf8 {
            switch byte {
            case 0x00: return "it contains a NUL byte"
            case 0x0A, 0x0D: return "it contains a line break"
            case 0x1B: return "it contains an escape character"
            case 0x20: return "it contains a space"
            case ..<0x20, 0x7F: return "it contains a control character"
            case 0x80...: return "it contains a non-ASCII character"
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): return "it contains a quote or backslash"
            default: continue
            }
        }
        return "it is not a valid token"
    }

    /// Throws when a token a provider sent cannot be used safely. `field` is the answer's field
    /// name (`access_token`); the message says the stored tokens were left as they were, which
    /// holds because flows validate before anything is stored.
    public static func requireValid(_ token: String, field: String) throws(AuthError) {
        guard isValid(token) else {
            throw AuthError.unexpectedResponse(
                "the provider sent a \(field) tokenman will not use (\(flaw(in: token))); the stored tokens were kept")
        }
    }

    /// Checks every token of a set (one read from the store, or an API token from its source).
    public static func requireValid(_ tokens: TokenSet) throws(AuthError) {
        for (field, token) in [("access token", tokens.accessToken), ("refresh token", tokens.refreshToken), ("ID token", tokens.idToken)] {
            guard let token, !isValid(token) else { continue }
            throw AuthError.storage("the stored \(field) is not a usable token (\(flaw(in: token))); log in again")
        }
    }
}
