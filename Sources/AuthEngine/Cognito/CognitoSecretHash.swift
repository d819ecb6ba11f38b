import Crypto
import FoundationEssentials

/// Cognito's `SECRET_HASH`: proves the caller knows the app client's secret without sending it.
/// `Base64(HMAC-SHA256(key: client secret, message: username + client id))`.
public enum CognitoSecretHash {
    public static func compute(secret: String, username: String, clientID: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data((username + clientID).utf8), using: key)
        return Data(code).base64EncodedString()
    }
}
