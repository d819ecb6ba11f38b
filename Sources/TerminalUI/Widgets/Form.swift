import FoundationEssentials

/// Draws a `FormState`:
///
/// ```
/// What the form is for, wrapped to the width.
///
/// Username  alice
/// Password  •••••
///           Password is required
/// Source    < environment variable >
///
/// Incorrect username or password.
/// Enter log in  Tab next  Ctrl-R show  Esc cancel
/// ```
///
/// Labels form a column as wide as the longest (at most a third of the width). The intro
/// and every validation message are word-wrapped. The intro and the fields scroll so the
/// focused field (with its message) is always visible; `FormLayout` says whether there is
/// more above or below (a frame shows "↑ more" / "↓ more"). The form error (wrapped, at most
/// a third of the rows) and the footer stay at the bottom of `rect`. While submitting the
/// footer becomes a spinner and "submitting…".
public struct Form: Sendable {
    public var state: FormState
    public var now: Date
    /// Lines above the fields (what the form is for); they scroll away with the fields.
    public var intro: [FormNote]

    public init(_ state: FormState, now: Date, intro: [FormNote] = []) {
        self.state = state
        self.now = now
        self.intro = intro
    }

    /// Rows the form needs at `width` to show everything without scrolling.
    public func preferredHeight(width: Int) -> Int {
        let layout = FormLayout(form: self, rect: Rect(x: 0, y: 0, width: width, height: Int.max / 4))
        // Content, a blank row, the form error (or a row kept free for it) and the footer.
        return layout.rows.count + 1 + max(1, layout.errorLines.count) + 1
    }

    public func layout(in rect: Rect) -> FormLayout {
        FormLayout(form: self, rect: rect)
    }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let layout = layout(in: rect)
        for (offset, row) in layout.rows.enumerated().dropFirst(layout.scrollOffset).prefix(layout.viewport.height) {
            let y = layout.viewport.y + offset - layout.scrollOffset
            draw(row, at: y, layout: layout, into: &canvas)
        }
        for (index, line) in layout.errorLines.enumerated() {
            canvas.write(line, in: Rect(x: rect.x, y: layout.errorTop + index, width: rect.width, height: 1), role: .danger, overflow: .clip)
        }
        guard let footer = layout.footer else { return }
        if state.isSubmitting {
            canvas.write("\(Spinner.frame(at: now)) \(state.submitLabel.prefix(1).uppercased() + state.submitLabel.dropFirst())…  Esc cancel", in: footer, role: .muted)
        } else {
            KeyHintBar(hints).render(into: &canvas, in: footer)
        }
    }

    private func draw(_ row: FormLayout.Row, at y: Int, layout: FormLayout, into canvas: inout Canvas) {
        let rect = layout.rect
        switch row {
        case .note(let text, let role):
            canvas.write(text, at: Point(x: rect.x, y: y), role: role, maxWidth: rect.width)
        case .blank:
            break
        case .field(let index):
            let field = state.fields[index]
            let focused = index == state.focusIndex && !state.isSubmitting
            canvas.markHitRegion(Rect(x: rect.x, y: y, width: rect.width, height: 1), .formField(field.id))
            canvas.write(field.label, at: Point(x: rect.x, y: y), role: focused ? .accent : .text, maxWidth: layout.labelWidth, overflow: .ellipsis)
            let input = Rect(x: layout.inputX, y: y, width: layout.inputWidth, height: 1)
            if field.isChoice {
                ChoiceField(field, focused: focused).render(into: &canvas, in: input)
            } else {
                TextField(field.input, focused: focused, placeholder: field.placeholder).render(into: &canvas, in: input)
            }
        case .message(let text):
            canvas.write(text, at: Point(x: layout.inputX, y: y), role: .danger, maxWidth: layout.inputWidth)
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
        if let field = state.focusedField, field.isChoice {
            hints.append(KeyHint("←→", "choose"))
        }
        if let field = state.focusedField, field.input.isMasked {
            hints.append(KeyHint("Ctrl-R", field.input.isRevealed ? "hide" : "show"))
        }
        return hints
    }
}

/// A line of text above a form's fields.
public struct FormNote: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .muted) {
        self.text = text
        self.role = role
    }
}
