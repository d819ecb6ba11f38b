import FoundationEssentials
import TerminalUI

/// What happened this session, newest last, for the activity log screen (`L`): logins,
/// renewals (the scheduler's included), failures, logouts, copies and clipboard clears.
/// Bounded to `capacity` entries; nothing in it is a secret (messages are the engine's
/// sanitised ones, copies name only what was copied).
struct ActivityLog: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        enum Kind: String, Equatable, Sendable {
            case login, renewal, failure, logout, copy, clear
        }

        var time: Date
        /// The account it is about (nil: the clipboard, when the copy's account is unknown).
        var account: String?
        var kind: Kind
        var text: String
    }

    /// The scheduler's latest word on one account, for the detail screen's renewal lines.
    struct AutomaticRenewal: Equatable, Sendable {
        /// The last automatic renewal that succeeded this session.
        var lastRenewed: Date?
        /// After a failure: when the scheduler tries again (its backoff).
        var retryAt: Date?
        /// The scheduler gave up until the tokens change (a person must log in).
        var stoppedReason: String?
    }

    static let capacity = 1000

    /// Oldest first.
    private(set) var entries: [Entry] = []
    /// By account name.
    private(set) var automatic: [String: AutomaticRenewal] = [:]
    /// The account of the copy in flight, so its outcome and the later clear can name it.
    var copyAccount: String?

    var newestFirst: [Entry] { entries.reversed() }

    mutating func append(_ entry: Entry) {
        entries.append(entry)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }

    mutating func append(_ kind: Entry.Kind, _ text: String, account: String?, at time: Date) {
        append(Entry(time: time, account: account, kind: kind, text: text))
    }

    func automaticRenewal(of account: String) -> AutomaticRenewal {
        automatic[account] ?? AutomaticRenewal()
    }

    mutating func updateAutomaticRenewal(of account: String, _ change: (inout AutomaticRenewal) -> Void) {
        var value = automaticRenewal(of: account)
        change(&value)
        automatic[account] = value == AutomaticRenewal() ? nil : value
    }
}
