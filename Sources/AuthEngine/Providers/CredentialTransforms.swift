import Crypto
import FoundationEssentials

/// What a provider expects in place of the plain password.
public enum PasswordTransform: String, Sendable, Equatable {
    case plain
    /// Lowercase hex MD5 of the UTF-8 password (Exabits; its official CLI does the same).
    /// MD5 here is the provider's wire format, not protection: the request still needs TLS.
    case md5Hex = "md5"

    public func apply(_ password: String) -> String {
        switch self {
        case .plain: return password
        case .md5Hex:
            return Insecure.MD5.hash(data: Data(password.utf8)).map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
        }
    }
}

/// What a provider expects in place of the typed username.
public enum UsernameTransform: String, Sendable, Equatable {
    case unchanged
    /// Wikimedia: Cognito usernames are case-sensitive upstream and accounts are lowercase.
    case lowercase

    public func apply(_ username: String) -> String {
        switch self {
        case .unchanged: return username
        case .lowercase: return username.lowercased()
        }
    }
}
