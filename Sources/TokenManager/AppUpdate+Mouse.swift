import TerminalUI

/// Mouse events, kept apart from the keys: each screen gets them in its own `…+Mouse`
/// file, and everything a click or the wheel does has a key too. The wheel is the arrow
/// keys three times over where a screen scrolls with them, so it scrolls exactly as they do.
extension AppUpdate {
    /// Rows (or lines) one notch of the wheel moves.
    static let wheelStep = 3

    static func mouse(_ model: inout AppModel, _ event: MouseEvent) -> [AppCommand] {
        let wheelKey: Key? = switch event.kind {
        case .wheelUp: .up
        case .wheelDown: .down
        default: nil
        }
        if let overlay = model.overlay {
            // Clicks on dialogs and menus do nothing (their keys say what they do); the help
            // overlay scrolls with the arrows, when it is taller than the screen.
            guard case .help = overlay, let wheelKey else { return [] }
            return repeatKey(&model, wheelKey)
        }
        switch model.screen {
        case .accounts:
            model.formOrigin = nil
            return AccountListScreen.mouse(&model, event)
        case .detail, .activityLog:
            guard let wheelKey else { return [] }
            return repeatKey(&model, wheelKey)
        case .login(let screen): return FormRouting.mouse(&model, screen, event)
        case .newPassword(let screen): return FormRouting.mouse(&model, screen, event)
        case .forgotPassword(let screen): return FormRouting.mouse(&model, screen, event)
        case .changePassword(let screen): return FormRouting.mouse(&model, screen, event)
        case .accountForm(let screen): return FormRouting.mouse(&model, screen, event)
        }
    }

    private static func repeatKey(_ model: inout AppModel, _ key: Key) -> [AppCommand] {
        (0..<wheelStep).flatMap { _ in keyPressed(&model, key) }
    }
}
