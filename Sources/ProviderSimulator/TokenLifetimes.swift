import FoundationEssentials

/// How long access and refresh tokens live, in seconds. For Wikimedia the id token shares the
/// access lifetime; Exabits API tokens never expire whatever is set here.
public struct TokenLifetimes: Sendable, Equatable {
    public var access: TimeInterval
    public var refresh: TimeInterval

    public init(access: TimeInterval, refresh: TimeInterval) {
        self.access = access
        self.refresh = refresh
    }

    /// The documented lifetimes of each provider.
    public static func documented(for provider: SimulatedProvider) -> TokenLifetimes {
        switch provider {
        case .byteConnect: TokenLifetimes(access: 15 * 60, refresh: 15 * 24 * 3600)
        case .exabits: TokenLifetimes(access: 30 * 60, refresh: 2 * 3600)
        case .starship: TokenLifetimes(access: 3600, refresh: 7 * 24 * 3600)
        case .wikimedia: TokenLifetimes(access: 24 * 3600, refresh: 90 * 24 * 3600)
        case .cognito: TokenLifetimes(access: 3600, refresh: 30 * 24 * 3600)
        }
    }

    /// The documented lifetimes of all four providers.
    public static var allDocumented: [SimulatedProvider: TokenLifetimes] {
        Dictionary(uniqueKeysWithValues: SimulatedProvider.allCases.map { ($0, documented(for: $0)) })
    }
}
