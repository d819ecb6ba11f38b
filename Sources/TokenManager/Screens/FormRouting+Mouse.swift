import TerminalUI

/// A click on a form field (its label or its input) focuses it, as Tab would reach it.
/// The field under the click comes from the frame the view draws (`Canvas.hitTarget`),
/// so it follows whatever layout the form has (scrolled, squeezed).
extension FormRouting {
    static func mouse<S: FormScreen>(_ model: inout AppModel, _ screen: S, _ event: MouseEvent) -> [AppCommand] {
        guard [.press, .click, .doubleClick].contains(event.kind), !screen.form.isSubmitting else { return [] }
        let frame = AppView.render(model, now: model.now, size: model.size)
        guard case .formField(let id)? = frame.hitTarget(at: Point(x: event.x, y: event.y)) else { return [] }
        var screen = screen
        screen.form.focus(id: id)
        model.screen = screen.asScreen
        return []
    }
}
