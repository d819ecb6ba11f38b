import AuthEngine
import FoundationEssentials

/// Where an account sorts by expiry: accounts with an access expiry first (soonest first),
/// then tokens without one, then logged-out accounts.
struct ExpiryKey: Comparable, Sendable {
    var group: Int
    var instant: Double

    init(_ entry: StoredExpiry) {
        guard case .expiry(let tokens) = entry else {
            self.group = 2
            self.instant = 0
            return
        }
        guard let expiry = tokens.accessExpiresAt else {
            self.group = 1
            self.instant = 0
            return
        }
        self.group = 0
        self.instant = expiry.timeIntervalSinceReferenceDate
    }

    static func < (a: ExpiryKey, b: ExpiryKey) -> Bool {
        a.group != b.group ? a.group < b.group : a.instant < b.instant
    }
}
