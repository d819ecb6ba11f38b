import CheckedNumbers
import AuthEngine
import FoundationEssentials

/// The environment variables `tokenman exec` hands to its command.
enum TokenEnvironment {
    /// Names this command sets; inherited values of these are removed first, so a variable from
    /// an outer `tokenman exec` (another account) never leaks into this one.
    static let prefix = "TOKENMAN_"
    static let fixedNames: Set<String> = [
        "TOKENMAN_ACCOUNT", "TOKENMAN_PROVIDER", "TOKENMAN_USERNAME", "TOKENMAN_ACCESS_TOKEN",
        "TOKENMAN_REFRESH_TOKEN", "TOKENMAN_ID_TOKEN", "TOKENMAN_ACCESS_EXPIRES_AT",
        "TOKENMAN_ACCESS_EXPIRES_IN", "TOKENMAN_REFRESH_EXPIRES_AT", "TOKENMAN_REFRESH_EXPIRES_IN",
        "TOKENMAN_AUTH_HEADER", "TOKENMAN_REFRESH_HEADER", "TOKENMAN_BODY_FIELD",
    ]

    static func variables(account: AccountConfig, provider: ProviderDefinition, tokens: TokenSet, now: Date) -> [String: String] {
        var result: [String: String] = [
            "TOKENMAN_ACCOUNT": account.name,
            "TOKENMAN_PROVIDER": provider.id,
            "TOKENMAN_ACCESS_TOKEN": tokens.accessToken,
        ]
        result["TOKENMAN_USERNAME"] = account.username
        result["TOKENMAN_REFRESH_TOKEN"] = tokens.refreshToken
        result["TOKENMAN_ID_TOKEN"] = tokens.idToken
        if let expiry = tokens.accessExpiresAt {
            result["TOKENMAN_ACCESS_EXPIRES_AT"] = Timestamps.rfc3339(expiry)
            result["TOKENMAN_ACCESS_EXPIRES_IN"] = String(Timestamps.wholeSeconds(expiry.timeIntervalSince(now)))
        }
        if tokens.refreshToken != nil, let expiry = tokens.refreshExpiresAt {
            result["TOKENMAN_REFRESH_EXPIRES_AT"] = Timestamps.rfc3339(expiry)
            result["TOKENMAN_REFRESH_EXPIRES_IN"] = String(Timestamps.wholeSeconds(expiry.timeIntervalSince(now)))
        }
        var sawAuthorization = false
        for credential in provider.apiCredentials(for: tokens) {
            switch credential {
            case .header(let name, _) where !sawAuthorization && name.lowercased() == "authorization":
                result["TOKENMAN_AUTH_HEADER"] = credential.line
                sawAuthorization = true
            case .header:
                result["TOKENMAN_REFRESH_HEADER"] = credential.line
            case .jsonBodyField:
                result["TOKENMAN_BODY_FIELD"] = credential.line
            }
        }
        for (key, value) in account.fields {
            let name = fieldVariableName(key)
            // Account fields never override the token variables.
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    /// `affiliate_id` → `TOKENMAN_AFFILIATE_ID`.
    static func fieldVariableName(_ key: String) -> String {
        let upper = key.uppercased().unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        }
        return prefix + String(upper)
    }

    static func merge(_ variables: [String: String], into inherited: [String: String]) -> [String: String] {
        var environment = inherited.filter { !fixedNames.contains($0.key) }
        for (key, value) in variables { environment[key] = value }
        return environment
    }
}

/// Time formatting shared by `exec`, `list` and `status`.
enum Timestamps {
    static func rfc3339(_ date: Date) -> String {
        RFC3339.format(date)
    }

    /// Whole seconds, rounded down, so "valid for N seconds" is never an overstatement.
    static func wholeSeconds(_ interval: TimeInterval) -> Int {
        Int(clamping: interval, rounding: .down)
    }
}
