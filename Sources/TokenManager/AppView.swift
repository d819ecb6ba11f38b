import AuthEngine
import FoundationEssentials
import TerminalUI

/// Draws the whole screen: title bar, the current screen's body, the status line and the key
/// hints, then any overlay. A pure function of the model, `now` and the size.
///
/// ```
/// tokenman · demo: simulator on 127.0.0.1:8787                      3 accounts · by name
///   NAME            PROVIDER    USER      STATE              ACCESS  REFRESH
/// …
///  copied access token · clears in 0:42
/// l login  r refresh  c copy  x logout  Enter details  ? help  q quit
/// ```
enum AppView {
    static func render(_ model: AppModel, now: Date, size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        guard !size.isEmpty else { return canvas }
        let status = statusLine(model, now: now)
        let frame = layout(size, statusHeight: status.height(width: size.width, maxLines: maxStatusLines(size)))
        renderTitle(model, into: &canvas, in: frame.title)
        renderBody(model, now: now, into: &canvas, in: frame.body)
        status.render(into: &canvas, in: frame.status)
        KeyHintBar(hints(model), overflowHint: opensHelpWithQuestionMark(model) ? KeyHint("?", "more") : nil).render(into: &canvas, in: frame.footer)
        switch model.overlay {
        case .help?: HelpScreen.overlay(offset: model.helpOffset).render(into: &canvas, in: canvas.bounds)
        case .confirm(let request)?: request.dialog.render(into: &canvas, in: canvas.bounds)
        case .copyMenu(let menu)?: menu.view(model: model).render(into: &canvas, in: canvas.bounds)
        case nil: break
        }
        return canvas
    }

    struct Frame {
        var title: Rect
        var body: Rect
        var status: Rect
        var footer: Rect
    }

    /// A long message wraps: at most 3 rows, and at most a third of the screen.
    static func maxStatusLines(_ size: Size) -> Int {
        max(1, min(3, size.height / 3))
    }

    /// Title, body, status (`statusHeight` rows, as the message needs) and footer rows; tiny
    /// terminals lose the status line, then the footer, then the title, but never crash.
    static func layout(_ size: Size, statusHeight: Int = 1) -> Frame {
        let screen = Rect(size: size)
        switch size.height {
        case ..<2:
            return Frame(title: .init(x: 0, y: 0, width: 0, height: 0), body: screen, status: .init(x: 0, y: 0, width: 0, height: 0), footer: .init(x: 0, y: 0, width: 0, height: 0))
        case 2..<4:
            let parts = screen.splitRows([.fill, .fixed(1)])
            return Frame(title: .init(x: 0, y: 0, width: 0, height: 0), body: parts[0], status: .init(x: 0, y: 0, width: 0, height: 0), footer: parts[1])
        default:
            let parts = screen.splitRows([.fixed(1), .fill, .fixed(max(1, min(statusHeight, maxStatusLines(size)))), .fixed(1)])
            return Frame(title: parts[0], body: parts[1], status: parts[2], footer: parts[3])
        }
    }

    static func bodyRect(for size: Size) -> Rect {
        layout(size).body
    }

    /// The body as the next frame draws it: a long status message takes rows from it, so
    /// paging must count with this one, not with `bodyRect(for:)`'s one-line status.
    static func bodyRect(_ model: AppModel) -> Rect {
        frame(model, now: model.now).body
    }

    private static func renderTitle(_ model: AppModel, into canvas: inout Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, role: .title)
        let left = " tokenman" + (model.banner.map { " · \($0)" } ?? "")
        let right: String
        switch model.screen {
        case .accounts:
            let shown = model.list.rows.count
            let count = shown == model.accounts.count ? "\(shown) account\(shown == 1 ? "" : "s")" : "\(shown) of \(model.accounts.count) accounts"
            right = "\(count) · by \(model.list.sortOrder == .name ? "name" : "expiry") "
        case .detail(let screen): right = "\(screen.account) "
        default: right = ""
        }
        let rightWidth = DisplayWidth.of(right)
        if DisplayWidth.of(left) + 1 + rightWidth <= rect.width {
            canvas.write(right, in: rect, role: .title, alignment: .trailing)
            canvas.write(left, in: Rect(x: rect.x, y: rect.y, width: rect.width - rightWidth, height: 1), role: .title)
        } else {
            canvas.write(left, in: rect, role: .title)
        }
    }

    private static func renderBody(_ model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        switch model.screen {
        case .accounts: AccountListScreen.render(model, now: now, into: &canvas, in: rect)
        case .detail(let screen): DetailScreen.render(screen, model: model, now: now, into: &canvas, in: rect)
        case .login(let screen): screen.render(model: model, now: now, into: &canvas, in: rect)
        case .newPassword(let screen): screen.render(model: model, now: now, into: &canvas, in: rect)
        case .forgotPassword(let screen): screen.render(model: model, now: now, into: &canvas, in: rect)
        case .changePassword(let screen): screen.render(model: model, now: now, into: &canvas, in: rect)
        case .accountForm(let screen): screen.render(model: model, now: now, into: &canvas, in: rect)
        case .activityLog(let screen): ActivityLogScreen.render(screen, model: model, now: now, into: &canvas, in: rect)
        }
    }

    /// The shown form's geometry on a screen of `model.size` (nil when no form is shown): which
    /// row each field is on, for mapping a click to a field.
    static func formLayout(_ model: AppModel, now: Date) -> FormLayout? {
        let body = frame(model, now: now).body
        switch model.screen {
        case .accounts, .detail, .activityLog: return nil
        case .login(let screen): return screen.layout(model: model, now: now, in: body)
        case .newPassword(let screen): return screen.layout(model: model, now: now, in: body)
        case .forgotPassword(let screen): return screen.layout(model: model, now: now, in: body)
        case .changePassword(let screen): return screen.layout(model: model, now: now, in: body)
        case .accountForm(let screen): return screen.layout(model: model, now: now, in: body)
        }
    }

    /// The rows of a screen of `model.size`: the status line takes the rows its message needs.
    static func frame(_ model: AppModel, now: Date) -> Frame {
        let status = statusLine(model, now: now)
        return layout(model.size, statusHeight: status.height(width: model.size.width, maxLines: maxStatusLines(model.size)))
    }

    /// One message at a time: what just happened, else the selected account's last error,
    /// else the clipboard countdown. Two side by side read as one run-on line, and a new
    /// message must visibly replace the old one.
    static func statusParts(_ model: AppModel, now: Date) -> (left: String, leftRole: Role, right: String) {
        if let status = model.status, status.isVisible(at: now) {
            return (status.text, status.role, "")
        }
        if case .accounts = model.screen, let account = model.selectedAccount, let error = model.activity(of: account.name).lastError {
            return ("\(account.name): \(error)", .danger, "")
        }
        return (ClipboardFlow.statusText(model, now: now) ?? "", .statusBar, "")
    }

    private static func statusLine(_ model: AppModel, now: Date) -> StatusLine {
        let parts = statusParts(model, now: now)
        return StatusLine(left: parts.left, right: parts.right, leftRole: parts.leftRole == .statusBar ? .statusBar : parts.leftRole)
    }

    /// Whether `?` opens the help screen here (not in forms, where it is typed, nor while the
    /// filter is edited), so a footer too narrow for every key may point to it.
    static func opensHelpWithQuestionMark(_ model: AppModel) -> Bool {
        guard model.overlay == nil else { return false }
        switch model.screen {
        case .accounts: return !model.list.isEditingFilter
        case .detail, .activityLog: return true
        default: return false
        }
    }

    static func hints(_ model: AppModel) -> [KeyHint] {
        switch model.overlay {
        case .help?:
            let scrolls = HelpScreen.overlay.maxOffset(in: Rect(size: model.size)) > 0
            return scrolls ? [KeyHint("Esc", "close"), KeyHint("j/k", "scroll")] : [KeyHint("Esc", "close")]
        case .confirm(let request)?: return request.dialog.hints
        case .copyMenu?: return [KeyHint("Enter", "copy"), KeyHint("a r i h", "choose"), KeyHint("Esc", "cancel")]
        case nil: break
        }
        switch model.screen {
        case .accounts: return AccountListScreen.hints(model)
        case .detail(let screen): return DetailScreen.hints(screen)
        case .login(let screen): return FormFrame.hints(screen.form)
        case .newPassword(let screen): return FormFrame.hints(screen.form)
        case .forgotPassword(let screen): return FormFrame.hints(screen.form)
        case .changePassword(let screen): return FormFrame.hints(screen.form)
        case .accountForm(let screen):
            var hints = FormFrame.hints(screen.form)
            if screen.form.focusedField?.id == "provider" { hints.insert(KeyHint("←→", "provider"), at: 1) }
            return hints
        case .activityLog: return ActivityLogScreen.hints()
        }
    }
}
