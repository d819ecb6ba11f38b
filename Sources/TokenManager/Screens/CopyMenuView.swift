import TerminalUI

/// The copy menu drawn centred over the screen: numbered choices, the selected one
/// highlighted (scrolled into view when they do not all fit), and how to copy or cancel.
struct CopyMenuView: Widget {
    var account: String
    var rows: [String]
    var selected: Int

    func render(into canvas: inout Canvas, in rect: Rect) {
        let width = min(rect.width, max(30, (rows.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        let box = rect.centered(width: width, height: rows.count + 4)
        canvas.fill(box, role: .text)
        let inner = canvas.box(box, role: .border, title: "Copy · \(account)").inset(left: 1, right: 1)
        // Inside the border: the choices, a blank row, the hints; the choices scroll so the
        // selected one shows.
        let listHeight = max(0, inner.height - 2)
        let offset = min(max(0, selected - listHeight + 1), max(0, rows.count - listHeight))
        for (index, row) in rows.enumerated().dropFirst(offset).prefix(listHeight) {
            let line = inner.row(index - offset)
            if index == selected { canvas.fill(line, role: .selection) }
            canvas.write(row, in: line, role: index == selected ? .selection : .text)
        }
        ScrollMarks.render(into: &canvas, box: box, moreAbove: offset > 0, moreBelow: offset + listHeight < rows.count)
        if inner.height > 0 {
            KeyHintBar([KeyHint("Enter", "copy"), KeyHint("Esc", "cancel")]).render(into: &canvas, in: inner.row(inner.height - 1))
        }
    }
}
