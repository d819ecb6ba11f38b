import TerminalUI

/// The copy menu drawn centred over the screen: numbered choices, the selected one
/// highlighted, and how to copy or cancel.
struct CopyMenuView: Widget {
    var account: String
    var rows: [String]
    var selected: Int

    func render(into canvas: inout Canvas, in rect: Rect) {
        let width = min(rect.width, max(30, (rows.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        let box = rect.centered(width: width, height: rows.count + 4)
        canvas.fill(box, role: .text)
        let inner = canvas.box(box, role: .border, title: "Copy · \(account)").inset(left: 1, right: 1)
        for (index, row) in rows.enumerated() where index < inner.height {
            let line = inner.row(index)
            if index == selected { canvas.fill(line, role: .selection) }
            canvas.write(row, in: line, role: index == selected ? .selection : .text)
        }
        if inner.height > 0 {
            KeyHintBar([KeyHint("Enter", "copy"), KeyHint("Esc", "cancel")]).render(into: &canvas, in: inner.row(inner.height - 1))
        }
    }
}
