import CheckedNumbers
import FoundationEssentials

/// Failed-login bookkeeping behind the 429 answers of Starship and ByteConnect.
struct LoginThrottle {
    private var failures: [String: [Date]] = [:]

    private static func key(_ provider: SimulatedProvider, _ username: String) -> String {
        provider.rawValue + "\u{0}" + username
    }

    /// Seconds the client must wait, or nil when a login may be attempted now.
    mutating func retryAfter(provider: SimulatedProvider, username: String, now: Date, limit: LoginRateLimit) -> Int? {
        let key = Self.key(provider, username)
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
        failures[key] = recent
        guard recent.count >= limit.maxFailures, let oldest = recent.first else { return nil }
        let wait = oldest.addingTimeInterval(limit.window).timeIntervalSince(now)
        return max(1, Int(clamping: wait, rounding: .up))
    }

    mutating func recordFailure(provider: SimulatedProvider, username: String, now: Date) {
        failures[Self.key(provider, username), default: []].append(now)
    }

    mutating func reset(provider: SimulatedProvider, username: String) {
        failures[Self.key(provider, username)] = nil
    }
}
