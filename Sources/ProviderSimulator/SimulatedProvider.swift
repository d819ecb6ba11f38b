/// The four token APIs the simulator imitates. Each lives under its own path prefix on the one
/// port, so clients are exercised with base URLs that carry a path part.
public enum SimulatedProvider: String, CaseIterable, Sendable, Hashable {
    /// ByteFederal ByteConnect, under `/bytefederal`.
    case byteConnect = "bytefederal"
    /// Exabits GPU cloud, under `/exabits/api/v1/` (its base URL ends with a slash, as documented).
    case exabits
    /// Starship Rewards B2B API, under `/starship`.
    case starship
    /// Wikimedia Enterprise auth API, under `/wikimedia`.
    case wikimedia
    /// AWS Cognito user pools' JSON API (`X-Amz-Target`), under `/cognito`.
    case cognito

    /// The path prefix, without a trailing slash.
    var pathPrefix: String {
        switch self {
        case .byteConnect: "/bytefederal"
        case .exabits: "/exabits/api/v1"
        case .starship: "/starship"
        case .wikimedia: "/wikimedia"
        case .cognito: "/cognito"
        }
    }

    /// The base-URL path as the provider's docs write it (Exabits appends paths without a slash).
    var basePath: String {
        self == .exabits ? pathPrefix + "/" : pathPrefix
    }

    /// The `iss` claim of tokens minted for this provider.
    var issuer: String {
        "tokenman-simulator/\(rawValue)"
    }

    /// Splits a request path into the provider it belongs to and the rest (`/auth`, `/v1/login`).
    static func route(_ path: String) -> (provider: SimulatedProvider, subpath: String)? {
        for provider in allCases {
            if path == provider.pathPrefix || path == provider.pathPrefix + "/" {
                return (provider, "/")
            }
            if path.hasPrefix(provider.pathPrefix + "/") {
                return (provider, String(path.dropFirst(provider.pathPrefix.count)))
            }
        }
        return nil
    }
}
