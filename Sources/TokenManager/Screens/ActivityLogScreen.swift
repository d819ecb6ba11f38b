import FoundationEssentials
import PlatformSupport
import TerminalUI

/// `L`: the activity log, newest first, one entry a line under a header that stays put.
/// Scrolls like the details screen; `q` or Esc goes back to the list.
///
/// ```
/// Activity · newest first · 3 entries
/// 01:12:40  prod-api   renewed automatically
/// 01:12:02  prod-api   copied access token
/// ```
struct ActivityLogScreen: Equatable, Sendable {
    var scroll = 0

    /// The scrolled rows below the header in a body `bodyHeight` tall.
    static func visibleRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 1) }

    mutating func update(key: Key, entryCount: Int, bodyHeight: Int) -> ActivityLogOutcome {
        let visible = Self.visibleRows(bodyHeight: bodyHeight)
        let maxScroll = max(0, entryCount - visible)
        switch ActivityLogKeys.bindings.action(for: key) {
        case .back?: return .back
        case .quit?: return .quit
        case .help?: return .showHelp
        case .scrollDown?: scroll += 1
        case .scrollUp?: scroll -= 1
        case .pageDown?: scroll += max(1, visible - 1)
        case .pageUp?: scroll -= max(1, visible - 1)
        case .top?: scroll = 0
        case .bottom?: scroll = maxScroll
        case nil: break
        }
        scroll = min(max(0, scroll), maxScroll)
        return .stay
    }

    static func render(_ screen: ActivityLogScreen, model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let entries = model.activityLog.newestFirst
        let count = "\(entries.count) entr\(entries.count == 1 ? "y" : "ies")"
        canvas.write("Activity · newest first · \(count)", in: rect.row(0), role: .title)
        guard !entries.isEmpty else {
            if rect.height > 1 {
                canvas.write("Nothing yet: logins, renewals, failures, copies and clears show up here.", in: rect.row(1), role: .muted)
            }
            return
        }
        let visible = visibleRows(bodyHeight: rect.height)
        let offset = min(screen.scroll, max(0, entries.count - visible))
        let nameWidth = min(16, entries.compactMap(\.account).map(DisplayWidth.of).max() ?? 0)
        for (row, entry) in entries.dropFirst(offset).prefix(visible).enumerated() {
            canvas.write(line(entry, nameWidth: nameWidth, now: now, timeZone: model.timeZone), in: rect.row(row + 1), role: role(of: entry.kind))
        }
    }

    /// "01:12:40  prod-api   renewed automatically".
    static func line(_ entry: ActivityLog.Entry, nameWidth: Int, now: Date, timeZone: DisplayTimeZone) -> String {
        let name = entry.account.map { DisplayWidth.truncate($0, to: max(1, nameWidth)) } ?? "clipboard"
        return time(entry.time, now: now, in: timeZone) + "  " + DisplayWidth.pad(name, to: nameWidth) + "  " + entry.text
    }

    static func role(of kind: ActivityLog.Entry.Kind) -> Role {
        switch kind {
        case .failure: return .danger
        case .login, .renewal: return .success
        case .logout, .copy, .clear: return .text
        }
    }

    /// "01:12:40" today (in `timeZone`), "12-01 23:59:02" on another day.
    static func time(_ date: Date, now: Date, in timeZone: DisplayTimeZone) -> String {
        let c = timeZone.reading(of: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
        return c.isSameDay(as: timeZone.reading(of: now)) ? time : "\(two(c.month))-\(two(c.day)) \(time)"
    }

    static func hints() -> [KeyHint] {
        ActivityLogKeys.bindings.footerHints()
    }
}

/// What a key on the activity log asks of the app.
enum ActivityLogOutcome: Equatable, Sendable {
    case stay, back, showHelp, quit
}
