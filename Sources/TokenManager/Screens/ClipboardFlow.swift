import FoundationEssentials
import TerminalUI

/// Copying to the clipboard and clearing it after `clipboard_clear_seconds`.
enum ClipboardFlow {
    /// - Parameter account: whose token it is, for the activity log's copy and clear entries.
    static func copy(_ model: inout AppModel, text: String, label: String, account: String? = nil) -> [AppCommand] {
        var commands: [AppCommand] = []
        model.activityLog.copyAccount = account
        // A new copy replaces the old one on the clipboard, so the old timer has nothing to clear.
        model.clipboard = nil
        if model.clipboardClearSeconds > 0 {
            model.clipboard = model.clipboardSetup.state(afterCopying: text, label: label, now: model.now)
            // The countdown is now the current message: an older one ("logged in to …") would
            // otherwise hide it for the rest of its lifetime.
            model.status = nil
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
