/// Where each part of a `Form` goes in a rectangle: the scrolling rows (intro, fields and
/// their messages), which of them are visible, the form error and the footer. A pure function
/// of the form and the rectangle, so a click can be mapped to a field with the same numbers
/// the form was drawn with.
public struct FormLayout: Sendable {
    public enum Row: Hashable, Sendable {
        case note(String, Role)
        case blank
        /// The field at this index of `FormState.fields`.
        case field(Int)
        /// A line of the validation message of the field above.
        case message(String)
    }

    public let rect: Rect
    /// Every scrolling row, visible or not.
    public let rows: [Row]
    public let labelWidth: Int
    public let inputX: Int
    public let inputWidth: Int
    /// Where the visible rows are drawn.
    public let viewport: Rect
    /// Rows scrolled off above the viewport.
    public let scrollOffset: Int
    public let errorLines: [String]
    /// The row of the first error line.
    public let errorTop: Int
    public let footer: Rect?

    public var hasMoreAbove: Bool { scrollOffset > 0 }
    public var hasMoreBelow: Bool { scrollOffset + viewport.height < rows.count }

    /// The screen row of field `index`, nil when it is scrolled out of view.
    public func row(ofField index: Int) -> Int? {
        guard let position = rows.firstIndex(of: .field(index)) else { return nil }
        let y = viewport.y + position - scrollOffset
        return y >= viewport.y && y < viewport.maxY ? y : nil
    }

    /// The field drawn on screen row `y` (its label, input or message), if any.
    public func field(atRow y: Int) -> Int? {
        guard y >= viewport.y, y < viewport.maxY else { return nil }
        let position = y - viewport.y + scrollOffset
        guard rows.indices.contains(position) else { return nil }
        for row in rows[...position].reversed() {
            switch row {
            case .field(let index): return index
            case .message: continue
            case .note, .blank: return nil
            }
        }
        return nil
    }

    init(form: Form, rect: Rect) {
        let state = form.state
        self.rect = rect
        labelWidth = min(state.fields.map { DisplayWidth.of($0.label) }.max() ?? 0, max(0, rect.width / 3))
        inputX = rect.x + labelWidth + (labelWidth > 0 ? 2 : 0)
        inputWidth = max(0, rect.maxX - inputX)

        var rows: [Row] = []
        for note in form.intro {
            rows += WordWrap.lines(note.text, width: rect.width).map { Row.note($0, note.role) }
        }
        if !rows.isEmpty { rows.append(.blank) }
        var focusTop = 0
        var focusBottom = 0
        for (index, field) in state.fields.enumerated() {
            if index == state.focusIndex { focusTop = rows.count }
            rows.append(.field(index))
            if let message = field.validationMessage {
                rows += WordWrap.lines(message, width: inputWidth).map(Row.message)
            }
            if index == state.focusIndex { focusBottom = rows.count }
        }
        self.rows = rows

        // The footer repeats the app's key hints: in a form of a few rows the fields need the
        // room more, except for the spinner that says a request is running.
        let footerRows = rect.height >= 2 && (state.isSubmitting || rect.height >= 5) ? 1 : 0
        footer = footerRows == 1 ? Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1) : nil
        // The server's word on the whole form matters, but must not push the fields away.
        if let error = state.formError, rect.height >= 2 {
            errorLines = WordWrap.lines(error, width: rect.width, maxLines: max(1, (rect.height - footerRows) / 3))
        } else {
            errorLines = []
        }
        errorTop = rect.maxY - footerRows - errorLines.count
        viewport = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(0, rect.height - footerRows - errorLines.count))

        // Just enough scrolling to show the focused field and its message, else none, so the
        // intro stays visible whenever it can.
        var offset = max(0, focusBottom - viewport.height)
        offset = min(offset, focusTop, max(0, rows.count - viewport.height))
        // A scrolled form does not spend its top row on the blank after the intro.
        if offset > 0, offset < focusTop, rows.indices.contains(offset), rows[offset] == .blank { offset += 1 }
        scrollOffset = max(0, offset)
    }
}
