import CheckedNumbers
import AuthEngine
import FoundationEssentials
import TerminalUI

/// How long a token has left, as shown in the list, and how urgent that is. A pure function of
/// `now` and the stored expiry instants, so every redraw shows the right value.
struct Countdown: Equatable, Sendable {
    var text: String
    var role: Role

    static let warningSeconds: TimeInterval = 5 * 60
    static let dangerSeconds: TimeInterval = 60
    /// Under this fraction of its lifetime a token is shown as a warning even with more than
    /// five minutes left (a one-hour token at 10 minutes left is as urgent as it gets).
    static let warningFraction = 0.2

    /// The access token's countdown; "—" when there is no token.
    static func access(_ tokens: TokenExpiry?, now: Date) -> Countdown {
        guard let tokens else { return Countdown(text: "—", role: .muted) }
        guard let expiry = tokens.accessExpiresAt else {
            return tokens.accessExpirySource == .never ? Countdown(text: "never", role: .success) : Countdown(text: "unknown", role: .muted)
        }
        return of(expiry: expiry, lifetime: expiry.timeIntervalSince(tokens.obtainedAt), now: now)
    }

    /// The refresh token's countdown; "—" when there is none, "unknown" without an expiry.
    static func refresh(_ tokens: TokenExpiry?, now: Date) -> Countdown {
        guard let tokens, tokens.hasRefreshToken else { return Countdown(text: "—", role: .muted) }
        guard let expiry = tokens.refreshExpiresAt else {
            return tokens.refreshExpirySource == .never ? Countdown(text: "never", role: .success) : Countdown(text: "unknown", role: .muted)
        }
        return of(expiry: expiry, lifetime: expiry.timeIntervalSince(tokens.obtainedAt), now: now)
    }

    static func of(expiry: Date, lifetime: TimeInterval, now: Date) -> Countdown {
        let left = expiry.timeIntervalSince(now)
        guard left > 0 else { return Countdown(text: "expired", role: .danger) }
        return Countdown(text: clock(left), role: urgency(left: left, lifetime: lifetime))
    }

    static func urgency(left: TimeInterval, lifetime: TimeInterval) -> Role {
        if left < dangerSeconds { return .danger }
        if left < warningSeconds { return .warning }
        if lifetime > 0, left < lifetime * warningFraction { return .warning }
        return .success
    }

    /// "0:42", "14:55", "1:02:03", "89d 23h": whole seconds left, rounded up so a token
    /// never shows 0:00 while still valid.
    static func clock(_ seconds: TimeInterval) -> String {
        let total = Int(clamping: seconds, rounding: .up)
        let days = total / 86_400
        let hours = (total % 86_400) / 3600
        let minutes = (total % 3600) / 60
        let secs = total % 60
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" }
        return "\(minutes):\(twoDigits(secs))"
    }

    /// "in 12m", "in 2h 5m", "in 3d 4h", "expired 3m ago", "in 42s".
    static func relative(_ date: Date, now: Date) -> String {
        let delta = date.timeIntervalSince(now)
        let span = coarse(abs(delta))
        return delta >= 0 ? "in \(span)" : "expired \(span) ago"
    }

    static func coarse(_ seconds: TimeInterval) -> String {
        let total = Int(clamping: seconds, rounding: .down)
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        if total < 86_400 {
            let minutes = (total % 3600) / 60
            return minutes == 0 ? "\(total / 3600)h" : "\(total / 3600)h \(minutes)m"
        }
        let hours = (total % 86_400) / 3600
        return hours == 0 ? "\(total / 86_400)d" : "\(total / 86_400)d \(hours)h"
    }

    private static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
