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
///
/// With an `overflowHint` (e.g. `? more`), a footer that cannot show every hint ends with it,
/// so the user knows there are more keys and where to find them; a hint for the same key
/// (`? help`) is then left out as redundant.
public struct KeyHintBar: Sendable {
    public var hints: [KeyHint]
    public var separator: String
    public var overflowHint: KeyHint?

    public init(_ hints: [KeyHint], separator: String = "  ", overflowHint: KeyHint? = nil) {
        self.hints = hints
        self.separator = separator
        self.overflowHint = overflowHint
    }

    /// The hints drawn in `width` columns, the overflow hint last when some do not fit.
    public func shownHints(width: Int) -> [KeyHint] {
        let all = KeyHintBar(hints, separator: separator)
        guard let overflowHint, all.fittingCount(width: width) < hints.count else { return Array(hints.prefix(all.fittingCount(width: width))) }
        let others = hints.filter { $0.key != overflowHint.key }
        let reserved = DisplayWidth.of(separator) + DisplayWidth.of(overflowHint.key) + 1 + DisplayWidth.of(overflowHint.action)
        let count = KeyHintBar(others, separator: separator).fittingCount(width: width - reserved)
        // Not even one other hint fits beside it: the plain bar says more than "? more" alone.
        guard count > 0 else { return Array(hints.prefix(all.fittingCount(width: width))) }
        return others.prefix(count) + [overflowHint]
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
        let shown = shownHints(width: row.width)
        if shown.isEmpty {
            let first = hints[0]
            canvas.write("\(first.key) \(first.action)", in: row, role: .muted, overflow: .ellipsis)
            return
        }
        var x = row.x
        for (index, hint) in shown.enumerated() {
            if index > 0 { x += canvas.write(separator, at: Point(x: x, y: row.y), role: .muted, maxWidth: row.maxX - x) }
            x += canvas.write(hint.key, at: Point(x: x, y: row.y), role: .accent, maxWidth: row.maxX - x)
            x += canvas.write(" " + hint.action, at: Point(x: x, y: row.y), role: .muted, maxWidth: row.maxX - x)
        }
    }
}
