/// Draws a choice field's chosen option in one row as `< environment variable >`: the
/// arrows say that ←/→ change it. A focused choice puts the terminal cursor on the `<`.
public struct ChoiceField: Sendable {
    public var field: FormField
    public var isFocused: Bool

    public init(_ field: FormField, focused: Bool) {
        self.field = field
        self.isFocused = focused
    }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        let role: Role = isFocused ? .inputFocused : .input
        canvas.fill(row, role: role)
        let label = field.chosenOption?.label ?? field.value
        canvas.write("< \(label) >", at: row.origin, role: role, maxWidth: row.width, overflow: .ellipsis)
        if isFocused { canvas.cursor = row.origin }
    }
}
