/// The Cognito-only keys of an `[[accounts]]` block: which app client of which region to talk to,
/// and where the app client's secret comes from (never the config file itself).
/// The one kind of provider-specific account settings so far; the UI knows it by this name.
public typealias ProviderAccountSettings = CognitoAccountSettings

public struct CognitoAccountSettings: Sendable, Equatable {
    /// e.g. `us-east-1`; names the default endpoint. Optional when `base_url` is set.
    public var region: String?
    /// The app client id (public: it is in every web page that uses the pool).
    public var clientID: String
    /// `client_secret_env` / `client_secret_command`; nil for a public app client.
    public var clientSecret: SecretSource?

    public init(region: String?, clientID: String, clientSecret: SecretSource? = nil) {
        self.region = region
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// `https://cognito-idp.{region}.amazonaws.com/`, or nil without a region.
    public var defaultEndpoint: String? {
        region.map { "https://cognito-idp.\($0).amazonaws.com/" }
    }

    /// Region names are lowercase letters, digits and dashes; anything else would let a config
    /// value change the host the password is sent to.
    public static func isValidRegion(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
