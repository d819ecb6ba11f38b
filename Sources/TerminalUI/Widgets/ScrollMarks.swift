/// "↑ more" and "↓ more" written into the top and bottom border of a box whose content
/// scrolls (forms, help, dialogs), so a person sees that there is more than fits, without
/// giving up a row of content for it.
public enum ScrollMarks {
    public static let above = "↑ more"
    public static let below = "↓ more"

    /// Writes the marks right-aligned on `box`'s top and bottom border rows, keeping the
    /// corners; a box too narrow for the words gets the arrows alone.
    public static func render(into canvas: inout Canvas, box: Rect, moreAbove: Bool, moreBelow: Bool, role: Role = .accent) {
        guard box.height >= 2, box.width >= 3 else { return }
        if moreAbove { write(above, on: box.y, of: box, into: &canvas, role: role) }
        if moreBelow { write(below, on: box.maxY - 1, of: box, into: &canvas, role: role) }
    }

    private static func write(_ mark: String, on y: Int, of box: Rect, into canvas: inout Canvas, role: Role) {
        let room = box.width - 2
        let text = DisplayWidth.of(mark) + 2 <= room ? " \(mark) " : String(mark.prefix(1))
        let width = DisplayWidth.of(text)
        canvas.write(text, at: Point(x: box.maxX - 1 - width, y: y), role: role, maxWidth: width)
    }
}
