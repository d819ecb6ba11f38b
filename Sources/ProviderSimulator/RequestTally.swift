/// How many requests reached one provider, and how many of them were logins and refreshes.
///
/// Why refreshes are counted apart: single-flight renewal across processes is measured at the
/// provider (20 scripts on an expired token must cause exactly one refresh), and a request
/// total would also count the logins and API calls that legitimately happen around it.
public struct RequestTally: Sendable, Equatable {
    public var requests = 0
    public var logins = 0
    public var refreshes = 0

    public init(requests: Int = 0, logins: Int = 0, refreshes: Int = 0) {
        self.requests = requests
        self.logins = logins
        self.refreshes = refreshes
    }

    mutating func count(_ subpath: String, for provider: SimulatedProvider) {
        requests += 1
        if subpath == provider.loginPath { logins += 1 }
        if subpath == provider.refreshPath { refreshes += 1 }
    }
}

extension SimulatedProvider {
    /// The password-login endpoint under the provider's prefix; nil for Cognito, whose every
    /// operation is a POST to "/" named by a header (its logins and refreshes are not told apart).
    var loginPath: String? {
        switch self {
        case .byteConnect: "/auth"
        case .exabits: "/authenticate/login"
        case .starship: "/auth/login"
        case .wikimedia: "/v1/login"
        case .cognito: nil
        }
    }

    /// The refresh endpoint, nil for Exabits (it has none: clients log in again).
    var refreshPath: String? {
        switch self {
        case .byteConnect: "/auth_refresh"
        case .exabits: nil
        case .starship: "/auth/refresh"
        case .wikimedia: "/v1/token-refresh"
        case .cognito: nil
        }
    }
}
