import FoundationEssentials

/// The outcome of a username/password check behind the failed-login throttle, shared by the
/// providers that rate-limit logins (ByteConnect and Starship); each answers it in its own words.
enum ThrottledLoginCheck {
    /// Too many recent failures: answer 429 with `Retry-After: seconds`.
    case throttled(retryAfter: Int)
    /// Unknown user or wrong password (recorded as a failure).
    case rejected
    /// The right password for a disabled account.
    case disabled
    /// The right password: the failure count was reset.
    case accepted(StoredUser)
}

extension SimulatorState {
    mutating func checkThrottledLogin(provider: SimulatedProvider, username: String, password: String, now: Date) -> ThrottledLoginCheck {
        if let wait = throttle.retryAfter(provider: provider, username: username, now: now, limit: loginRateLimit) {
            return .throttled(retryAfter: wait)
        }
        guard let stored = users.find(username, on: provider), stored.user.password == password else {
            throttle.recordFailure(provider: provider, username: username, now: now)
            return .rejected
        }
        if stored.user.isDisabled { return .disabled }
        throttle.reset(provider: provider, username: username)
        return .accepted(stored)
    }
}
