import AuthEngine
import Crypto
import Foundation
import MotoSupport
import Testing

/// One moto server with a fresh user pool, a public and a confidential app client, for one test.
struct CognitoMotoFixture {
    let moto: MotoServer
    let admin: MotoCognitoAdmin
    let pool: String
    let publicClient: MotoCognitoAdmin.AppClient
    let secretClient: MotoCognitoAdmin.AppClient
    let transport = RecordingTransport()

    static func start() async throws -> CognitoMotoFixture {
        let moto = try await MotoServer.start()
        let admin = MotoCognitoAdmin(endpoint: moto.endpoint)
        do {
            let pool = try await admin.createUserPool()
            let publicClient = try await admin.createAppClient(pool: pool, withSecret: false)
            let secretClient = try await admin.createAppClient(pool: pool, withSecret: true)
            return CognitoMotoFixture(moto: moto, admin: admin, pool: pool, publicClient: publicClient, secretClient: secretClient)
        } catch {
            await moto.stop()
            throw error
        }
    }

    /// A CONFIRMED user with a permanent password.
    func confirmedUser(_ name: String, password: String) async throws {
        try await admin.createUser(pool: pool, username: name, temporaryPassword: "Temp-Pass-1!", email: "\(name)@example.com")
        try await admin.setPassword(pool: pool, username: name, password: password, permanent: true)
    }

    func client(secret: Bool) throws -> CognitoClient {
        let app = secret ? secretClient : publicClient
        return try CognitoClient(endpoint: moto.endpoint, clientID: app.id, clientSecret: app.secret, transport: transport)
    }

    func login(_ client: CognitoClient, _ username: String, _ password: String) async throws -> TokenSet {
        let outcome = try await client.login(username: username, password: password)
        guard case .tokens(let tokens) = outcome else {
            Issue.record("expected tokens, got \(outcome)")
            throw AuthError.unexpectedResponse("challenge")
        }
        return tokens
    }

    /// The SECRET_HASH computed here, independently of the engine's `CognitoSecretHash`.
    func expectedHash(username: String) throws -> String {
        let secret = try #require(secretClient.secret)
        let key = SymmetricKey(data: Data(secret.utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: Data((username + secretClient.id).utf8), using: key)).base64EncodedString()
    }
}

/// Runs `body` against a fresh fixture and stops moto afterwards, thrown or not.
func withCognitoMoto(_ body: (CognitoMotoFixture) async throws -> Void) async throws {
    let fixture = try await CognitoMotoFixture.start()
    do {
        try await body(fixture)
    } catch {
        await fixture.moto.stop()
        throw error
    }
    await fixture.moto.stop()
}
