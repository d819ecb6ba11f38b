import FoundationEssentials

/// The engine's source of "now". Injected so expiry and scheduling are testable with a
/// fixed or manually advanced time.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
