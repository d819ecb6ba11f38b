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
/// Sections that do not fit are cut at the bottom (the last line always says how to close).
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

    public init(title: String = "Keys", sections: [Section], closeHint: String = "Esc/? close") {
        self.title = title
        self.sections = sections
        self.closeHint = closeHint
    }

    public func render(into canvas: inout Canvas, in rect: Rect, border: BorderStyle) {
        let keyWidth = sections.flatMap(\.bindings).map { DisplayWidth.of($0.key) }.max() ?? 0
        var lines: [(text: String, role: Role, action: String?)] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(("", .text, nil)) }
            lines.append((section.title, .title, nil))
            for binding in section.bindings {
                lines.append(("  " + DisplayWidth.pad(binding.key, to: keyWidth), .accent, binding.action))
            }
        }
        let contentWidth = lines.map { DisplayWidth.of($0.text) + ($0.action.map { 2 + DisplayWidth.of($0) } ?? 0) }.max() ?? 0
        let width = min(rect.width, max(contentWidth, DisplayWidth.of(closeHint), DisplayWidth.of(title) + 2) + 4)
        let height = min(rect.height, lines.count + 4)
        let box = rect.centered(width: width, height: height)
        canvas.fill(box, role: .text)
        let inner = canvas.box(box, style: border, role: .border, title: title).inset(left: 1, right: 1)
        guard inner.height > 0 else { return }
        let listHeight = max(0, inner.height - 2)
        for (index, line) in lines.prefix(listHeight).enumerated() {
            let row = inner.row(index)
            let used = canvas.write(line.text, at: row.origin, role: line.role, maxWidth: row.width, overflow: .ellipsis)
            if let action = line.action {
                canvas.write("  " + action, at: Point(x: row.x + used, y: row.y), role: .text, maxWidth: row.width - used, overflow: .ellipsis)
            }
        }
        canvas.write(closeHint, in: inner.row(inner.height - 1), role: .muted)
    }
}
