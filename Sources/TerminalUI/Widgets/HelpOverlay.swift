/// A boxed overlay listing key bindings by section, centred over the screen:
///
/// ```
/// ┌ Keys ─────────────────────┐
/// │ Accounts                  │
/// │   Enter   open            │
/// │   c       copy token      │
/// │                           │
/// │ Esc/? close               │
/// └───────────────────────────┘
/// ```
/// The list scrolls (`offset`, moved with `offset(after:in:)`) when it does not fit, with
/// "↑ more" / "↓ more" on the border; the last line always says how to close.
public struct HelpOverlay: Hashable, Sendable {
    public struct Section: Hashable, Sendable {
        public var title: String
        public var bindings: [KeyHint]

        public init(_ title: String, _ bindings: [KeyHint]) {
            self.title = title
            self.bindings = bindings
        }
    }

    public var title: String
    public var sections: [Section]
    public var closeHint: String
    /// Lines scrolled off the top; `render` clamps it to what there is.
    public var offset: Int

    public init(title: String = "Keys", sections: [Section], closeHint: String = "Esc/? close", offset: Int = 0) {
        self.title = title
        self.sections = sections
        self.closeHint = closeHint
        self.offset = offset
    }

    private struct Line {
        var text: String
        var role: Role
        var action: String?
    }

    private var lines: [Line] {
        let keyWidth = sections.flatMap(\.bindings).map { DisplayWidth.of($0.key) }.max() ?? 0
        var lines: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(Line(text: "", role: .text)) }
            lines.append(Line(text: section.title, role: .title))
            for binding in section.bindings {
                lines.append(Line(text: "  " + DisplayWidth.pad(binding.key, to: keyWidth), role: .accent, action: binding.action))
            }
        }
        return lines
    }

    /// The box in `rect` and how many lines of the list fit in it.
    private func geometry(in rect: Rect, lines: [Line]) -> (box: Rect, listHeight: Int) {
        let contentWidth = lines.map { DisplayWidth.of($0.text) + ($0.action.map { 2 + DisplayWidth.of($0) } ?? 0) }.max() ?? 0
        let width = min(rect.width, max(contentWidth, DisplayWidth.of(closeHint), DisplayWidth.of(title) + 2) + 4)
        let height = min(rect.height, lines.count + 4)
        let box = rect.centered(width: width, height: height)
        // Inside the border: the list, a blank row and the close hint.
        return (box, max(0, box.height - 4))
    }

    /// The largest useful offset in `rect`: the last line at the bottom.
    public func maxOffset(in rect: Rect) -> Int {
        let lines = lines
        return max(0, lines.count - geometry(in: rect, lines: lines).listHeight)
    }

    /// The offset after a scrolling key (j/k/↑/↓ a line, PgUp/PgDn/Space a page, Home/End),
    /// clamped for `rect`; nil when `key` does not scroll.
    public func offset(after key: Key, in rect: Rect) -> Int? {
        let lines = lines
        let page = max(1, geometry(in: rect, lines: lines).listHeight - 1)
        let current = min(max(0, offset), maxOffset(in: rect))
        let next: Int
        switch key {
        case .down, .character("j"): next = current + 1
        case .up, .character("k"): next = current - 1
        case .pageDown, .character(" "): next = current + page
        case .pageUp: next = current - page
        case .home, .character("g"): next = 0
        case .end, .character("G"): next = Int.max / 2
        default: return nil
        }
        return min(max(0, next), maxOffset(in: rect))
    }

    public func render(into canvas: inout Canvas, in rect: Rect, border: BorderStyle) {
        let lines = lines
        let (box, listHeight) = geometry(in: rect, lines: lines)
        let start = min(max(0, offset), max(0, lines.count - listHeight))
        canvas.fill(box, role: .text)
        let inner = canvas.box(box, style: border, role: .border, title: title).inset(left: 1, right: 1)
        guard inner.height > 0 else { return }
        for (index, line) in lines.dropFirst(start).prefix(listHeight).enumerated() {
            let row = inner.row(index)
            let used = canvas.write(line.text, at: row.origin, role: line.role, maxWidth: row.width, overflow: .ellipsis)
            if let action = line.action {
                canvas.write("  " + action, at: Point(x: row.x + used, y: row.y), role: .text, maxWidth: row.width - used, overflow: .ellipsis)
            }
        }
        canvas.write(closeHint, in: inner.row(inner.height - 1), role: .muted)
        ScrollMarks.render(into: &canvas, box: box, moreAbove: start > 0, moreBelow: start + listHeight < lines.count, role: .accent)
    }
}
