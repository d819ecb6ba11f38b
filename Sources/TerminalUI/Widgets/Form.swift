import Foundation

/// Draws a `FormState`:
///
/// ```
/// Username  alice
/// Password  •••••
///           Password is required
///
/// Incorrect username or password.
/// Enter log in  Tab next  Ctrl-R show  Esc cancel
/// ```
///
/// Labels form a column as wide as the longest (at most a third of the width); each
/// validation message takes a row under its field; the form error and the footer sit at
/// the bottom of `rect`. While submitting the footer becomes a spinner and "submitting…".
public struct Form: Sendable {
    public var state: FormState
    public var now: Date

    public init(_ state: FormState, now: Date) {
        self.state = state
        self.now = now
    }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let labelWidth = min(state.fields.map { DisplayWidth.of($0.label) }.max() ?? 0, max(0, rect.width / 3))
        let inputX = rect.x + labelWidth + (labelWidth > 0 ? 2 : 0)
        let inputWidth = max(0, rect.maxX - inputX)
        // The bottom two rows are the form error and the footer, when there is room.
        let reserved = rect.height >= 4 ? 2 : (rect.height >= 2 ? 1 : 0)
        let fieldsBottom = rect.maxY - reserved
        var y = rect.y
        for (index, field) in state.fields.enumerated() {
            guard y < fieldsBottom else { break }
            let focused = index == state.focusIndex && !state.isSubmitting
            canvas.markHitRegion(Rect(x: rect.x, y: y, width: rect.width, height: 1), .formField(field.id))
            canvas.write(field.label, at: Point(x: rect.x, y: y), role: focused ? .accent : .text, maxWidth: labelWidth, overflow: .ellipsis)
            TextField(field.input, focused: focused, placeholder: field.placeholder)
                .render(into: &canvas, in: Rect(x: inputX, y: y, width: inputWidth, height: 1))
            y += 1
            if let message = field.validationMessage, y < fieldsBottom {
                canvas.write(message, at: Point(x: inputX, y: y), role: .danger, maxWidth: inputWidth, overflow: .ellipsis)
                y += 1
            }
        }
        if reserved == 2, let error = state.formError {
            canvas.write(error, in: Rect(x: rect.x, y: rect.maxY - 2, width: rect.width, height: 1), role: .danger)
        }
        guard reserved >= 1 else { return }
        let footer = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
        if state.isSubmitting {
            canvas.write("\(Spinner.frame(at: now)) \(state.submitLabel.prefix(1).uppercased() + state.submitLabel.dropFirst())…  Esc cancel", in: footer, role: .muted)
        } else {
            KeyHintBar(hints).render(into: &canvas, in: footer)
        }
    }

    /// The footer hints for the current focus, most important first.
    public var hints: [KeyHint] {
        let onLast = state.focusIndex >= state.fields.count - 1
        var hints: [KeyHint] = []
        if onLast || state.enterSubmitsFromAnyField {
            hints.append(KeyHint("Enter", state.submitLabel))
        } else {
            hints.append(KeyHint("Enter", "next"))
        }
        hints.append(KeyHint("Esc", "cancel"))
        if state.fields.count > 1 { hints.append(KeyHint("Tab", "next field")) }
        if let field = state.focusedField, field.input.isMasked {
            hints.append(KeyHint("Ctrl-R", field.input.isRevealed ? "hide" : "show"))
        }
        return hints
    }
}
