import AuthEngine
import FoundationEssentials
import PlatformSupport
import TerminalUI

/// The details screen's "Last renewal" and "Next renewal" lines: the last automatic renewal
/// this session (from the scheduler's events), and when the scheduler will renew next, by
/// the rule it uses itself (`RefreshPolicy.dueDate`, pushed back by a failure's backoff).
extension DetailScreen {
    static func renewalLines(account: AccountConfig, tokens: TokenSet, model: AppModel, now: Date) -> [Line] {
        let automatic = model.activityLog.automaticRenewal(of: account.name)
        let label = { (text: String) in DisplayWidth.pad(text, to: 15) }
        var lines: [Line] = []
        if let last = automatic.lastRenewed {
            lines.append(Line(label("Last renewal") + "\(format(last, in: model.timeZone)) (automatic)", .muted))
        } else {
            lines.append(Line(label("Last renewal") + "never this session", .muted))
        }
        let next = nextAutomaticRenewal(account: account, tokens: tokens, automatic: automatic, lead: model.refreshLead, now: now, timeZone: model.timeZone)
        lines.append(Line(label("Next renewal") + next.text, next.role))
        return lines
    }

    static func nextAutomaticRenewal(
        account: AccountConfig, tokens: TokenSet, automatic: ActivityLog.AutomaticRenewal, lead: TimeInterval, now: Date, timeZone: DisplayTimeZone
    ) -> (text: String, role: Role) {
        guard case .password = account.mode else { return ("none (API tokens are not renewed)", .muted) }
        if let reason = automatic.stoppedReason { return ("none until you log in: \(reason)", .warning) }
        guard var due = RefreshPolicy(lead: lead).dueDate(for: tokens) else { return ("none (the access token has no known expiry)", .muted) }
        if let retryAt = automatic.retryAt { due = max(due, retryAt) }
        if due <= now { return ("due now", .accent) }
        return ("\(format(due, in: timeZone)) (\(Countdown.relative(due, now: now)))", .muted)
    }
}
