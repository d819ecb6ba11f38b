import FoundationEssentials

/// After `maxFailures` failed logins for one username within `window` seconds, logins for that
/// username are answered 429 with `Retry-After` until the oldest failure leaves the window.
/// Used by Starship (documented) and ByteConnect (newer docs list a 429).
public struct LoginRateLimit: Sendable, Equatable {
    public var maxFailures: Int
    public var window: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 300) {
        self.maxFailures = maxFailures
        self.window = window
    }
}
