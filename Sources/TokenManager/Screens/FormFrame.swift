import Foundation
import TerminalUI

/// Draws a form screen: a box titled with the form's title, a few context lines (account,
/// provider, what happens next) and the form itself. Shared by every form screen so they
/// look alike.
enum FormFrame {
    static func render(_ form: FormState, context: [(String, Role)], now: Date, into canvas: inout Canvas, in rect: Rect) {
        let width = min(rect.width, 76)
        let height = min(rect.height, context.count + form.fields.count * 2 + 6)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y, width: width, height: height)
        let inner = canvas.box(box, role: .border, title: form.title).inset(left: 1, right: 1)
        var y = inner.y
        for (text, role) in context where y < inner.maxY {
            canvas.write(text, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            y += 1
        }
        if !context.isEmpty { y += 1 }
        Form(form, now: now).render(into: &canvas, in: Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y)))
    }

    /// Key hints for the app footer while a form is shown.
    static func hints(_ form: FormState) -> [KeyHint] {
        if form.isSubmitting { return [KeyHint("Esc", "cancel")] }
        return Form(form, now: Date()).hints + [KeyHint("Shift-Tab", "previous")]
    }
}

/// Password rules the providers document, checked before sending so the person gets the
/// message at once and in the form.
enum PasswordRules {
    /// Wikimedia Enterprise (Cognito) requires 6–255 characters.
    static func minimumLength(providerID: String) -> Int {
        providerID == "wikimedia" ? 6 : 1
    }

    /// Validates "new password" and "repeat" fields; returns messages by field id.
    static func check(new: String, repeated: String, providerID: String, newID: String = "new", repeatID: String = "repeat") -> [String: String] {
        var messages: [String: String] = [:]
        let minimum = minimumLength(providerID: providerID)
        if new.isEmpty {
            messages[newID] = "New password is required"
        } else if new.count < minimum {
            messages[newID] = "At least \(minimum) characters"
        }
        if repeated.isEmpty {
            messages[repeatID] = "Repeat the new password"
        } else if repeated != new {
            messages[repeatID] = "The two new passwords differ"
        }
        return messages
    }
}

extension FormState {
    /// Applies validation messages by field id (clearing the others); true when there were none.
    mutating func apply(_ messages: [String: String]) -> Bool {
        let ok = validate { messages[$0.id] }
        return ok
    }
}
