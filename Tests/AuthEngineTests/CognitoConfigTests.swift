import Foundation
import Testing
@testable import AuthEngine

/// The Cognito account keys, the SECRET_HASH formula and the endpoint, without a server.
@Suite struct CognitoConfigTests {
    let parser = ConfigTextParser(displayPath: "config.toml")

    func parse(_ text: String) throws(ConfigError) -> TokenmanConfig {
        try parser.parse(text)
    }

    @Test func secretHashMatchesAValueComputedWithPython() {
        // python3: base64.b64encode(hmac.new(b"s3cr3t-client-secret", b"alice7abc123client", sha256).digest())
        #expect(CognitoSecretHash.compute(secret: "s3cr3t-client-secret", username: "alice", clientID: "7abc123client")
            == "xJFdW5d7fdkQb93prQqEp0WW5alZHsQ7r+G6YLiSV6o=")
    }

    @Test func cognitoAccountKeysAreReadAndWrittenBack() throws {
        let config = try parse("""
        [[accounts]]
        name = "pool"
        provider = "cognito"
        region = "eu-west-1"
        client_id = "abc123"
        client_secret_env = "POOL_SECRET"
        username = "alice"
        password_env = "POOL_PASSWORD"
        """)
        let account = try #require(config.accounts.first)
        #expect(account.cognito == CognitoAccountSettings(region: "eu-west-1", clientID: "abc123", clientSecret: .environment("POOL_SECRET")))
        #expect(account.cognito?.defaultEndpoint == "https://cognito-idp.eu-west-1.amazonaws.com/")
        let rendered = AccountBlockRenderer.render(account)
        #expect(rendered.contains("region = \"eu-west-1\"\nclient_id = \"abc123\"\nclient_secret_env = \"POOL_SECRET\""))
        #expect(try parse(rendered).accounts.first?.cognito == account.cognito)
    }

    /// A Cognito account "pool" (lines 1-3) followed by `keys` from line 4.
    static func pool(_ keys: String) -> String {
        "[[accounts]]\nname = \"pool\"\nprovider = \"cognito\"\n" + keys
    }

    static let rejected: [RejectedConfig] = [
        RejectedConfig("a client secret in the file", pool("region = \"us-east-1\"\nclient_id = \"abc\"\nclient_secret = \"x\"\n"),
                       "config.toml:6: accounts[1].client_secret: secrets are never read from the config file; use client_secret_env = \"VAR\" or client_secret_command = \"pass show ...\""),
        RejectedConfig("no client id", pool("region = \"us-east-1\"\n"),
                       "config.toml:1: accounts[1]: missing required key \"client_id\" (the Cognito app client id)"),
        RejectedConfig("no region and no base URL", pool("client_id = \"abc\"\n"),
                       "config.toml:1: accounts[1]: missing required key \"region\" (e.g. region = \"us-east-1\"), or a base_url for the endpoint"),
        RejectedConfig("a region that is not a region name", pool("client_id = \"abc\"\nregion = \"evil.example/\"\n"),
                       "config.toml:5: accounts[1].region: not a region name such as us-east-1"),
        RejectedConfig("two client secret sources", pool("client_id = \"abc\"\nregion = \"us-east-1\"\nclient_secret_env = \"A\"\nclient_secret_command = \"b\"\n"),
                       "config.toml:7: accounts[1].client_secret_command: two client secret sources (client_secret_env and client_secret_command); keep exactly one"),
        RejectedConfig("Cognito keys on another provider", "[[accounts]]\nname = \"w\"\nprovider = \"wikimedia\"\nclient_id = \"abc\"\n",
                       "config.toml:4: accounts[1].client_id: unknown key (only Cognito accounts have client_id)"),
    ]

    @Test(arguments: rejected)
    func cognitoKeysAreChecked(_ config: RejectedConfig) {
        parser.expectError(config.text, config.message)
    }

    @Test func aBaseURLStandsInForTheRegion() throws {
        let config = try parse("[[accounts]]\nname = \"local\"\nprovider = \"cognito\"\nclient_id = \"abc\"\nbase_url = \"http://127.0.0.1:5000\"\n")
        #expect(config.accounts.first?.cognito == CognitoAccountSettings(region: nil, clientID: "abc"))
        #expect(try CognitoClient(endpoint: "http://127.0.0.1:5000", clientID: "abc").endpoint.absoluteString == "http://127.0.0.1:5000/")
        #expect(try CognitoClient(endpoint: "http://127.0.0.1:5000/cognito/", clientID: "abc").endpoint.absoluteString == "http://127.0.0.1:5000/cognito/")
    }

    @Test func clientSecretComesFromItsSourceAndIsNamedWhenMissing() async throws {
        let account = AccountConfig(
            name: "pool", providerID: "cognito", username: "alice", mode: .password(.environment("P")),
            cognito: CognitoAccountSettings(region: "us-east-1", clientID: "abc", clientSecret: .environment("POOL_SECRET")))
        let authenticator = CognitoAuthenticator(secrets: SecretResolver(environment: [:]))
        let error = await authError { try await authenticator.login(account, password: "pw") }
        #expect(error == .secretUnavailable("client_secret_env for account pool: environment variable POOL_SECRET is not set"))
    }
}
