import Foundation
import Testing
@testable import AuthEngine

@Suite struct ProviderDefinitionTests {
    let tokens = TokenSet(accessToken: "acc", refreshToken: "ref", obtainedAt: Date(timeIntervalSince1970: 0))

    /// Narrow columns show a word that names the provider: "AWS" would not.
    @Test func shortNamesAreTheWordPeopleKnow() {
        #expect(ProviderDefinition.builtIns.map(\.shortName) == ["ByteConnect", "Exabits", "Starship", "Wikimedia", "Cognito"])
    }

    @Test func md5PasswordTransformIsLowercaseHex() {
        // The Exabits excerpt's example hash, and RFC 1321's test vector.
        #expect(PasswordTransform.md5Hex.apply("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(PasswordTransform.md5Hex.apply("message digest") == "f96b697d7cb7938d525a2f31aaf161d0")
        #expect(PasswordTransform.plain.apply("Pa55") == "Pa55")
        #expect(UsernameTransform.lowercase.apply("Alice.Smith") == "alice.smith")
    }

    @Test func joinsBaseAndPathWithOneSlash() throws {
        #expect(try EndpointURL.make(base: "https://gpu-api.exabits.ai/api/v1/", path: "authenticate/login").absoluteString
                == "https://gpu-api.exabits.ai/api/v1/authenticate/login")
        #expect(try EndpointURL.make(base: "https://quinix.byteconnect.us", path: "auth").absoluteString == "https://quinix.byteconnect.us/auth")
        #expect(try EndpointURL.make(base: "http://127.0.0.1:5/wme/", path: "/v1/login").absoluteString == "http://127.0.0.1:5/wme/v1/login")
        #expect(throws: AuthError.self) { try EndpointURL.make(base: "not a url", path: "x") }
    }

    @Test func apiCredentialsFollowEachProvidersCarriage() {
        #expect(ProviderDefinition.byteConnect.apiCredentials(for: tokens).map(\.line) == [#""access_token": "acc""#])
        #expect(ProviderDefinition.exabits.apiCredentials(for: tokens).map(\.line) == ["Authorization: Bearer acc", "refresh-token: ref"])
        #expect(ProviderDefinition.starship.apiCredentials(for: tokens).map(\.line) == ["Authorization: Bearer acc"])
        #expect(ProviderDefinition.wikimedia.apiCredentials(for: tokens).map(\.line) == ["Authorization: Bearer acc"])
    }

    @Test func builtInsHaveTheDocumentedBasicsAndLifetimes() {
        let catalog = ProviderCatalog()
        #expect(catalog.ids == ["byteconnect", "exabits", "starship", "wikimedia", "cognito"])
        #expect(catalog.definition(id: "Wikimedia")?.defaultBaseURL == "https://auth.enterprise.wikimedia.com")
        #expect(ProviderDefinition.byteConnect.lifetimes == DocumentedLifetimes(access: 900, refresh: 15 * 86_400))
        #expect(ProviderDefinition.exabits.lifetimes == DocumentedLifetimes(access: 1800, refresh: 7200))
        #expect(ProviderDefinition.starship.lifetimes == DocumentedLifetimes(access: 3600, refresh: 7 * 86_400))
        #expect(ProviderDefinition.wikimedia.lifetimes.refresh == TimeInterval(90 * 86_400))
        #expect(!ProviderDefinition.exabits.canRefresh)
        #expect(ProviderDefinition.wikimedia.refreshRotation == .keepsRefreshToken)
        #expect(ProviderDefinition.starship.refreshRotation == .rotates)
    }

    @Test func customDefinitionsAddToAndOverrideBuiltIns() {
        let custom = ProviderDefinition.custom(id: "acme", baseURL: "https://auth.acme.test/", loginPath: "/token",
                                               refreshPath: "token/refresh", refreshSendsUsername: true, accessLifetime: 600)
        let override = ProviderDefinition.custom(id: "starship", displayName: "Starship (prod)", baseURL: "https://api.starshiprewards.com")
        let catalog = ProviderCatalog(custom: [custom, override])
        #expect(catalog.ids == ["byteconnect", "exabits", "starship", "wikimedia", "cognito", "acme"])
        #expect(catalog.definition(id: "starship")?.displayName == "Starship (prod)")
        let acme = catalog.definition(id: "acme")
        #expect(acme?.endpoints.refresh?.bodyFields == [RequestField("username", .username), RequestField("refresh_token", .refreshToken)])
        #expect(acme?.lifetimes.access == 600)
        #expect(catalog.definition(id: "nope") == nil)
    }
}
