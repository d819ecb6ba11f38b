/// One "key → action" pair for footers and the help overlay.
public struct KeyHint: Hashable, Sendable {
    /// How the key is written, e.g. "Enter", "c", "Ctrl-U".
    public var key: String
    /// What it does, short: "copy", "log in".
    public var action: String

    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}

/// A footer of key hints, e.g. `Enter log in  Tab next  Esc back  ? help`.
///
/// List hints most important first: at narrow widths whole hints are dropped from the end
/// (never cut in the middle of a word); if even the first does not fit it is truncated
/// with "…".
public struct KeyHintBar: Sendable {
    public var hints: [KeyHint]
    public var separator: String

    public init(_ hints: [KeyHint], separator: String = "  ") {
        self.hints = hints
        self.separator = separator
    }

    /// How many hints fit in `width` columns.
    public func fittingCount(width: Int) -> Int {
        var used = 0
        for (index, hint) in hints.enumerated() {
            let w = (index == 0 ? 0 : DisplayWidth.of(separator)) + DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.action)
            if used + w > width { return index }
            used += w
        }
        return hints.count
    }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        let row = rect.row(0)
        guard !row.isEmpty, !hints.isEmpty else { return }
        let count = fittingCount(width: row.width)
        if count == 0 {
            let first = hints[0]
            canvas.write("\(first.key) \(first.action)", in: row, role: .muted, overflow: .ellipsis)
            return
        }
        var x = row.x
        for (index, hint) in hints.prefix(count).enumerated() {
            if index > 0 { x += canvas.write(separator, at: Point(x: x, y: row.y), role: .muted, maxWidth: row.maxX - x) }
            x += canvas.write(hint.key, at: Point(x: x, y: row.y), role: .accent, maxWidth: row.maxX - x)
            x += canvas.write(" " + hint.action, at: Point(x: x, y: row.y), role: .muted, maxWidth: row.maxX - x)
        }
    }
}
