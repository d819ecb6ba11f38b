import AuthEngine
import Foundation
import TerminalUI

/// "Copy what?" after `c`: the access, refresh or id token, or what an API call must carry
/// (one header, Exabits' two headers, ByteConnect's JSON body field). The menu keeps only
/// the choices; the secret is read from the model when one is picked.
struct CopyMenu: Equatable, Sendable {
    enum Choice: Equatable, Sendable {
        case accessToken, refreshToken, idToken, credentials

        var key: Character {
            switch self {
            case .accessToken: "a"
            case .refreshToken: "r"
            case .idToken: "i"
            case .credentials: "h"
            }
        }
    }

    var account: String
    var choices: [Choice]
    var selected = 0

    static func open(_ model: inout AppModel, account: AccountConfig) {
        guard let tokens = model.tokens[account.name] else {
            model.setStatus("\(account.name) has no tokens to copy; press l to log in", role: .warning)
            return
        }
        var choices: [Choice] = [.accessToken]
        if tokens.refreshToken != nil { choices.append(.refreshToken) }
        if tokens.idToken != nil { choices.append(.idToken) }
        if model.provider(of: account) != nil { choices.append(.credentials) }
        model.overlay = .copyMenu(CopyMenu(account: account.name, choices: choices))
    }

    func label(of choice: Choice, model: AppModel) -> String {
        switch choice {
        case .accessToken: return "access token"
        case .refreshToken: return "refresh token"
        case .idToken: return "id token"
        case .credentials:
            switch model.account(named: account).flatMap(model.provider(of:))?.tokenCarriage {
            case .bearerWithRefreshHeader(let name)?: return "both headers (Authorization, \(name))"
            case .jsonBodyField(let name)?: return "JSON body field \"\(name)\""
            default: return "Authorization header"
            }
        }
    }

    /// The text to put on the clipboard (nil when the token is gone meanwhile).
    func text(of choice: Choice, model: AppModel) -> String? {
        guard let tokens = model.tokens[account] else { return nil }
        switch choice {
        case .accessToken: return tokens.accessToken
        case .refreshToken: return tokens.refreshToken
        case .idToken: return tokens.idToken
        case .credentials:
            guard let provider = model.account(named: account).flatMap(model.provider(of:)) else { return nil }
            return provider.apiCredentials(for: tokens).map(\.line).joined(separator: "\n")
        }
    }

    static func update(_ model: inout AppModel, key: Key) -> [AppCommand] {
        guard case .copyMenu(var menu) = model.overlay else { return [] }
        var picked: Choice?
        switch key {
        case .escape, .character("q"), .character("c"):
            model.overlay = nil
            return []
        case .down, .character("j"), .tab:
            menu.selected = min(menu.choices.count - 1, menu.selected + 1)
        case .up, .character("k"), .backTab:
            menu.selected = max(0, menu.selected - 1)
        case .enter:
            picked = menu.choices.indices.contains(menu.selected) ? menu.choices[menu.selected] : nil
        case .character(let c):
            if let digit = c.wholeNumberValue, menu.choices.indices.contains(digit - 1) {
                picked = menu.choices[digit - 1]
            } else {
                picked = menu.choices.first { $0.key == c }
            }
        default:
            break
        }
        guard let picked else {
            model.overlay = .copyMenu(menu)
            return []
        }
        model.overlay = nil
        guard let text = menu.text(of: picked, model: model) else {
            model.setStatus("nothing to copy", role: .warning)
            return []
        }
        return ClipboardFlow.copy(&model, text: text, label: menu.label(of: picked, model: model))
    }

    func render(model: AppModel, into canvas: inout Canvas, in rect: Rect) {
        let rows = choices.enumerated().map { index, choice in "\(index + 1) \(choice.key)  \(label(of: choice, model: model))" }
        let width = min(rect.width, max(30, (rows.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        let box = rect.centered(width: width, height: rows.count + 4)
        canvas.fill(box, role: .text)
        let inner = canvas.box(box, role: .border, title: "Copy · \(account)").inset(left: 1, right: 1)
        for (index, row) in rows.enumerated() where index < inner.height {
            let line = inner.row(index)
            if index == selected { canvas.fill(line, role: .selection) }
            canvas.write(row, in: line, role: index == selected ? .selection : .text)
        }
        if inner.height > 0 {
            KeyHintBar([KeyHint("Enter", "copy"), KeyHint("Esc", "cancel")]).render(into: &canvas, in: inner.row(inner.height - 1))
        }
    }
}

/// Copying to the clipboard and clearing it after `clipboard_clear_seconds`.
enum ClipboardFlow {
    static func copy(_ model: inout AppModel, text: String, label: String) -> [AppCommand] {
        var commands: [AppCommand] = []
        // A new copy replaces the old one on the clipboard, so the old timer has nothing to clear.
        model.clipboard = nil
        if model.clipboardClearSeconds > 0 {
            model.clipboard = model.clipboardSetup.state(afterCopying: text, label: label, now: model.now)
        }
        commands.append(.copy(text: text, label: label))
        return commands
    }

    /// On every tick: clear the clipboard once its time is up.
    static func tick(_ model: inout AppModel) -> [AppCommand] {
        guard let state = model.clipboard, state.isDue(at: model.now) else { return [] }
        model.clipboard = nil
        return [.clearClipboard(state)]
    }

    static func statusText(_ model: AppModel, now: Date) -> String? {
        guard let state = model.clipboard else { return nil }
        return "copied \(state.label) · clears in \(state.countdown(at: now))"
    }
}
