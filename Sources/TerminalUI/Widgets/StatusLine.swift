/// A one-row status bar: a message on the left, context on the right (e.g. a clipboard
/// countdown "copied · clears in 0:42"). The right part is dropped when both do not fit,
/// because the left part is usually what the user just did.
///
/// Every cell keeps the bar's role, so its background covers the whole line (a `.success`
/// or `.danger` cell would show the terminal's default background in the middle of the
/// bar); a warning or danger message is bold instead.
public struct StatusLine: Sendable {
    public var left: String
    public var right: String
    /// How the message matters: `.warning` and `.danger` are drawn bold.
    public var leftRole: Role
    public var role: Role

    public init(left: String, right: String = "", leftRole: Role = .statusBar, role: Role = .statusBar) {
        self.left = left
        self.right = right
        self.leftRole = leftRole
        self.role = role
    }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        canvas.fill(row, role: role)
        let rightWidth = DisplayWidth.of(right)
        let leftWidth = DisplayWidth.of(left)
        // A space of padding on each side when there is room.
        let inner = row.width > 2 ? row.inset(left: 1, right: 1) : row
        if rightWidth > 0, leftWidth + 2 + rightWidth <= inner.width {
            canvas.write(right, in: inner, role: role, alignment: .trailing)
        }
        let emphasis: TextAttributes = leftRole == .warning || leftRole == .danger ? .bold : []
        canvas.write(left, in: inner, role: role, attributes: emphasis)
    }
}
