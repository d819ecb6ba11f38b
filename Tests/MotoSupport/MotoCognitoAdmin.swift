import AuthEngine
import Foundation

/// moto's Cognito admin API over HTTP: the calls a pool administrator makes (create a pool, an
/// app client, users; set passwords) and Cognito's own `GetUser`, the proof that an access token
/// is accepted. moto accepts any credentials; a dummy SigV4 header is sent anyway, as a real
/// AWS endpoint would insist on one for admin calls.
public struct MotoCognitoAdmin: Sendable {
    public struct AppClient: Sendable {
        public let id: String
        public let secret: String?
    }

    public let endpoint: String
    private let transport = CurlTransport(options: CurlTransport.Options(timeout: 20, connectTimeout: 2))

    public init(endpoint: String) {
        self.endpoint = endpoint
    }

    func isReady() async -> Bool {
        (try? await call("ListUserPools", .object([("MaxResults", .number(1))])).status) == 200
    }

    public func createUserPool(name: String = "tokenman-test") async throws -> String {
        try await require("CreateUserPool", .object([("PoolName", .string(name))]), at: ["UserPool", "Id"])
    }

    public func createAppClient(pool: String, withSecret: Bool) async throws -> AppClient {
        let body = JSONValue.object([
            ("UserPoolId", .string(pool)), ("ClientName", .string(withSecret ? "confidential" : "public")),
            ("GenerateSecret", .bool(withSecret)),
            ("ExplicitAuthFlows", .array([.string("ALLOW_USER_PASSWORD_AUTH"), .string("ALLOW_REFRESH_TOKEN_AUTH")])),
        ])
        let answer = try await checked("CreateUserPoolClient", body)
        guard let id = answer["UserPoolClient"]?["ClientId"]?.stringValue else {
            throw MotoServer.Failure(description: "CreateUserPoolClient answered without ClientId")
        }
        let secret = answer["UserPoolClient"]?["ClientSecret"]?.stringValue
        if withSecret, secret == nil { throw MotoServer.Failure(description: "CreateUserPoolClient answered without ClientSecret") }
        return AppClient(id: id, secret: secret)
    }

    /// A user in FORCE_CHANGE_PASSWORD: the first login answers NEW_PASSWORD_REQUIRED.
    public func createUser(pool: String, username: String, temporaryPassword: String, email: String) async throws {
        _ = try await checked("AdminCreateUser", .object([
            ("UserPoolId", .string(pool)), ("Username", .string(username)),
            ("TemporaryPassword", .string(temporaryPassword)), ("MessageAction", .string("SUPPRESS")),
            ("UserAttributes", .array([
                .object([("Name", .string("email")), ("Value", .string(email))]),
                .object([("Name", .string("email_verified")), ("Value", .string("true"))]),
            ])),
        ]))
    }

    /// `permanent`: the user is CONFIRMED and logs in without a challenge.
    public func setPassword(pool: String, username: String, password: String, permanent: Bool) async throws {
        _ = try await checked("AdminSetUserPassword", .object([
            ("UserPoolId", .string(pool)), ("Username", .string(username)),
            ("Password", .string(password)), ("Permanent", .bool(permanent)),
        ]))
    }

    /// Cognito's `GetUser`: the user name when the access token is accepted, nil when refused.
    public func userName(accessToken: String) async throws -> String? {
        let (status, body) = try await call("GetUser", .object([("AccessToken", .string(accessToken))]))
        guard status == 200 else { return nil }
        return body?["Username"]?.stringValue
    }

    // MARK: Plumbing

    private func require(_ operation: String, _ body: JSONValue, at path: [String]) async throws -> String {
        var value: JSONValue? = try await checked(operation, body)
        for key in path { value = value?[key] }
        guard let text = value?.stringValue else {
            throw MotoServer.Failure(description: "\(operation) answered without \(path.joined(separator: "."))")
        }
        return text
    }

    func checkedCall(_ operation: String, _ body: JSONValue) async throws -> JSONValue {
        try await checked(operation, body)
    }

    private func checked(_ operation: String, _ body: JSONValue) async throws -> JSONValue {
        let (status, answer) = try await call(operation, body)
        guard status == 200, let answer else {
            let type = answer?["__type"]?.stringValue ?? "no error type"
            throw MotoServer.Failure(description: "\(operation) failed: HTTP \(status), \(type)")
        }
        return answer
    }

    func call(_ operation: String, _ body: JSONValue) async throws -> (status: Int, body: JSONValue?) {
        guard let url = URL(string: endpoint + "/") else { throw MotoServer.Failure(description: "bad endpoint \(endpoint)") }
        let request = HTTPRequest(method: "POST", url: url, headers: [
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
            HTTPHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.\(operation)"),
            HTTPHeader("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-target, Signature=0"),
        ], body: Data(body.serialized.utf8))
        let response = try await transport.send(request)
        return (response.status, try? JSONParser.parse(response.body))
    }
}

extension MotoCognitoAdmin {
    /// Gives the user a phone number and SMS MFA as the preferred method: logins then answer
    /// with the SMS_MFA challenge.
    public func preferSMSMFA(pool: String, username: String) async throws {
        _ = try await checkedCall("AdminUpdateUserAttributes", .object([
            ("UserPoolId", .string(pool)), ("Username", .string(username)),
            ("UserAttributes", .array([
                .object([("Name", .string("phone_number")), ("Value", .string("+15555550100"))]),
                .object([("Name", .string("phone_number_verified")), ("Value", .string("true"))]),
            ])),
        ]))
        _ = try await checkedCall("AdminSetUserMFAPreference", .object([
            ("UserPoolId", .string(pool)), ("Username", .string(username)),
            ("SMSMfaSettings", .object([("Enabled", .bool(true)), ("PreferredMfa", .bool(true))])),
        ]))
    }
}
