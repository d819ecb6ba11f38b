/// How an API call of the provider carries the token.
public enum TokenCarriage: Sendable, Equatable {
    /// `Authorization: Bearer <access>` (Starship, Wikimedia, Exabits API tokens).
    case bearer
    /// `Authorization: Bearer <access>` plus `<headerName>: <refresh>` (Exabits login tokens;
    /// the second header is left out when there is no refresh token, as in API Token mode).
    case bearerWithRefreshHeader(headerName: String = "refresh-token")
    /// A member of the JSON body of every call (ByteConnect: `"access_token"`).
    case jsonBodyField(name: String = "access_token")
}

/// One piece of what an API call must carry; for `tokenman header`, the clipboard and tests.
public enum APICredential: Sendable, Equatable {
    case header(name: String, value: String)
    case jsonBodyField(name: String, value: String)

    /// `Name: value` for headers, `"name": "value"` (a JSON member) for body fields.
    public var line: String {
        switch self {
        case .header(let name, let value): return "\(name): \(value)"
        case .jsonBodyField(let name, let value):
            return JSONValue.string(name).serialized + ": " + JSONValue.string(value).serialized
        }
    }
}

extension TokenCarriage {
    public func credentials(for tokens: TokenSet) -> [APICredential] {
        switch self {
        case .bearer:
            return [.header(name: "Authorization", value: "Bearer \(tokens.accessToken)")]
        case .bearerWithRefreshHeader(let headerName):
            var lines: [APICredential] = [.header(name: "Authorization", value: "Bearer \(tokens.accessToken)")]
            if let refresh = tokens.refreshToken { lines.append(.header(name: headerName, value: refresh)) }
            return lines
        case .jsonBodyField(let name):
            return [.jsonBodyField(name: name, value: tokens.accessToken)]
        }
    }
}
