import FoundationEssentials
import PlatformSupport

/// One parsed HTTP/1.1 request. Header names are stored lowercased because HTTP header names
/// are case-insensitive and clients (curl, URLSession, libcurl) spell them differently.
struct HTTPRequest: Sendable {
    let method: String
    /// The path without the query string, e.g. `/starship/auth/login`.
    let path: String
    let query: String?
    let headers: [String: String]
    let body: Data

    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The token of an `Authorization: Bearer <token>` header (scheme matched case-insensitively).
    var bearerToken: String? {
        guard let value = header("authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmedWhitespace()
        return token.isEmpty ? nil : token
    }

    /// The body as a JSON object, or nil when it is empty, not JSON, or not an object.
    func jsonObject() -> JSONObject? {
        guard !body.isEmpty, let fields = JSONReader.value(of: body)?.objectFields else { return nil }
        return JSONObject(fields)
    }
}

/// Read-only access to the fields of a JSON request body.
struct JSONObject {
    private let fields: [String: JSONValue]

    init(_ fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// A required string field: nil when absent, not a string, or empty.
    func string(_ key: String) -> String? {
        guard case .string(let value)? = fields[key], !value.isEmpty else { return nil }
        return value
    }

    /// A nested object (Cognito's `AuthParameters`); empty when absent or not an object.
    func object(_ key: String) -> JSONObject {
        JSONObject(fields[key]?.objectFields ?? [:])
    }
}
