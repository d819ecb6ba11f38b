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

extension FormState {
    /// Applies validation messages by field id (clearing the others); true when there were none.
    mutating func apply(_ messages: [String: String]) -> Bool {
        let ok = validate { messages[$0.id] }
        return ok
    }
}
