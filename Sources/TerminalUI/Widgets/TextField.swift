/// Draws a `TextFieldState` into one row. The view scrolls horizontally so the cursor is
/// always visible, and a focused field places the terminal cursor (`canvas.cursor`).
public struct TextField: Sendable {
    public var state: TextFieldState
    public var isFocused: Bool
    /// Shown in the muted role while the field is empty.
    public var placeholder: String

    public init(_ state: TextFieldState, focused: Bool = false, placeholder: String = "") {
        self.state = state
        self.isFocused = focused
        self.placeholder = placeholder
    }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        let role: Role = isFocused ? .inputFocused : .input
        canvas.fill(row, role: role)
        if state.isEmpty && !placeholder.isEmpty {
            canvas.write(placeholder, in: row, role: .muted)
            if isFocused { canvas.cursor = row.origin }
            return
        }
        let shown = Array(state.displayText)
        // Columns before the cursor; scroll so the cursor fits, keeping one column for it
        // at the end of the text.
        var cursorColumn = 0
        for c in shown.prefix(state.cursor) { cursorColumn += DisplayWidth.of(c) }
        let scroll = max(0, cursorColumn - (row.width - 1))
        var visible = ""
        var column = 0
        for c in shown {
            let width = DisplayWidth.of(c)
            if column >= scroll {
                visible.append(c)
            } else if column + width > scroll {
                visible.append(" ")  // the right half of a wide character cut by the scroll
            }
            column += width
        }
        canvas.write(visible, at: row.origin, role: role, maxWidth: row.width)
        if isFocused {
            canvas.cursor = Point(x: row.x + min(cursorColumn - scroll, row.width - 1), y: row.y)
        }
    }
}
