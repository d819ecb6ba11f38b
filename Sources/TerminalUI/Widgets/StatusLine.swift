/// A status bar: a message on the left, context on the right (e.g. a clipboard countdown
/// "copied · clears in 0:42"). A message too long for one row wraps onto as many rows as the
/// rect has (`height(width:maxLines:)` says how many it needs), the last shown ending in "…"
/// when even those are not enough. The right part is shown only beside a one-row message,
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

    /// Rows the message needs at `width`, at most `maxLines` (at least 1).
    public func height(width: Int, maxLines: Int) -> Int {
        max(1, min(max(1, maxLines), WordWrap.lines(left, width: Self.textWidth(width)).count))
    }

    /// The message's columns in a bar `width` wide: a space of padding on each side when
    /// there is room.
    private static func textWidth(_ width: Int) -> Int { width > 2 ? width - 2 : width }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, role: role)
        let inner = rect.width > 2 ? rect.inset(left: 1, right: 1) : rect
        let rightWidth = DisplayWidth.of(right)
        let leftWidth = DisplayWidth.of(left)
        let emphasis: TextAttributes = leftRole == .warning || leftRole == .danger ? .bold : []
        let wrapped = rect.height > 1 ? WordWrap.lines(left, width: inner.width, maxLines: rect.height) : []
        if wrapped.count <= 1 {
            if rightWidth > 0, leftWidth + 2 + rightWidth <= inner.width {
                canvas.write(right, in: inner.row(0), role: role, alignment: .trailing)
            }
            canvas.write(left, in: inner.row(0), role: role, attributes: emphasis)
            return
        }
        for (index, line) in wrapped.enumerated() {
            canvas.write(line, in: inner.row(index), role: role, attributes: emphasis)
        }
    }
}
