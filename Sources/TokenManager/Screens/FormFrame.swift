import FoundationEssentials
import TerminalUI

/// Draws a form screen: a box titled with the form's title, a few context lines (account,
/// provider, what happens next) and the form itself. Shared by every form screen so they
/// look alike.
enum FormFrame {
    static func render(_ form: FormState, context: [(String, Role)], now: Date, into canvas: inout Canvas, in rect: Rect) {
        let view = Form(form, now: now, intro: context.map { FormNote($0.0, role: $0.1) })
        let box = box(for: view, in: rect)
        let inner = canvas.box(box, role: .border, title: form.title).inset(left: 1, right: 1)
        view.render(into: &canvas, in: inner)
        let layout = view.layout(in: inner)
        ScrollMarks.render(into: &canvas, box: box, moreAbove: layout.hasMoreAbove, moreBelow: layout.hasMoreBelow)
    }

    /// Where each field of the form is drawn in `rect` (the screen body), the same numbers
    /// `render` uses: for mapping a click to a field.
    static func layout(_ form: FormState, context: [(String, Role)], in rect: Rect) -> FormLayout {
        let view = Form(form, now: Date(), intro: context.map { FormNote($0.0, role: $0.1) })
        return view.layout(in: box(for: view, in: rect).inset(by: 1).inset(left: 1, right: 1))
    }

    /// The frame: at most 76 columns, centred, as tall as the form wants (its rows scroll
    /// when the body is shorter).
    private static func box(for view: Form, in rect: Rect) -> Rect {
        let width = min(rect.width, 76)
        let height = min(rect.height, view.preferredHeight(width: max(0, width - 4)) + 2)
        return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y, width: width, height: height)
    }

    /// Key hints for the app footer while a form is shown; moving between fields only where
    /// there is more than one.
    static func hints(_ form: FormState) -> [KeyHint] {
        if form.isSubmitting { return [KeyHint("Esc", "cancel")] }
        let hints = Form(form, now: Date()).hints
        return form.fields.count > 1 ? hints + [KeyHint("Shift-Tab", "previous")] : hints
    }
}

extension FormState {
    /// Applies validation messages by field id (clearing the others); true when there were none.
    mutating func apply(_ messages: [String: String]) -> Bool {
        let ok = validate { messages[$0.id] }
        return ok
    }
}
