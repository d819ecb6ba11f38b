/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// `.fixed(n)`, `.percent(p)` or `.fill(weight:)`, as in `Rect.splitColumns`.
    public var width: LayoutConstraint
    public var alignment: Alignment
    /// The narrowest a `.fill` column may be before columns are dropped to make room.
    public var minWidth: Int
    /// nil: always shown. Otherwise, when the columns do not fit, the one with the lowest
    /// `dropOrder` is left out first (so the column that names a row can never vanish).
    public var dropOrder: Int?

    public init(_ title: String, width: LayoutConstraint = .fill, alignment: Alignment = .leading, minWidth: Int = 0, dropOrder: Int? = nil) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.minWidth = max(0, minWidth)
        self.dropOrder = dropOrder
    }

    /// Cells this column needs: a fixed width in full, a fill column its `minWidth`.
    var neededWidth: Int {
        switch width {
        case .fixed(let n): max(0, n)
        case .percent: minWidth
        case .fill: minWidth
        }
    }
}

/// One row: its cells, optionally a role per cell (e.g. a countdown in `.warning`), and per
/// cell the ranges to highlight (a filter's matches), in `Character` offsets of the cell text.
public struct TableRow: Hashable, Sendable {
    public var cells: [String]
    public var roles: [Role?]
    public var highlights: [[Range<Int>]]

    public init(_ cells: [String], roles: [Role?] = [], highlights: [[Range<Int>]] = []) {
        self.cells = cells
        self.roles = roles
        self.highlights = highlights
    }
}

/// A list with a header row, column widths and a selected row kept in view.
///
/// ```
/// NAME       USER    ACCESS
/// prod-wme   alice   14:55      ← selection role
/// staging    bob     expired
/// ```
///
/// Rows come from a provider called only for the rows on screen, so a table of 100,000 rows
/// costs what its visible rows cost to draw.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The row at an index in `0..<rowCount`; called only for rows drawn.
    public var row: @Sendable (Int) -> TableRow
    public var state: TableState
    public var showsHeader: Bool
    /// Spaces between columns.
    public var columnSpacing: Int
    /// Shown (muted) when there are no rows.
    public var emptyMessage: String
    /// Added to highlighted text (`TableRow.highlights`), on top of the cell's role, so a match
    /// stands out on the selected row too.
    public var highlightAttributes: TextAttributes = [.bold, .underline]

    public init(columns: [TableColumn], rows: [TableRow], state: TableState, showsHeader: Bool = true, columnSpacing: Int = 2, emptyMessage: String = "") {
        self.init(columns: columns, rowCount: rows.count, row: { rows[$0] }, state: state, showsHeader: showsHeader, columnSpacing: columnSpacing, emptyMessage: emptyMessage)
    }

    public init(
        columns: [TableColumn], rowCount: Int, row: @escaping @Sendable (Int) -> TableRow, state: TableState,
        showsHeader: Bool = true, columnSpacing: Int = 2, emptyMessage: String = ""
    ) {
        self.columns = columns
        self.rowCount = max(0, rowCount)
        self.row = row
        self.state = state
        self.showsHeader = showsHeader
        self.columnSpacing = columnSpacing
        self.emptyMessage = emptyMessage
    }

    /// Rows that fit below the header in a rectangle of `height` rows: pass this as
    /// `visibleRows` to `TableState.handle` so paging matches what is on screen.
    public func visibleRows(height: Int) -> Int {
        max(0, height - (showsHeader ? 1 : 0))
    }

    /// Indices of the columns shown in `width` cells: droppable columns are left out, lowest
    /// `dropOrder` first, until the rest fit (or none is left to drop).
    public func shownColumns(width: Int) -> [Int] {
        var shown = Array(columns.indices)
        func needed() -> Int {
            shown.reduce(0) { $0 + columns[$1].neededWidth } + max(0, columnSpacing) * max(0, shown.count - 1)
        }
        while needed() > width {
            let droppable = shown.filter { columns[$0].dropOrder != nil }
            guard let first = droppable.min(by: { (columns[$0].dropOrder ?? .max) < (columns[$1].dropOrder ?? .max) }) else { break }
            shown.removeAll { $0 == first }
        }
        return shown
    }

    public func render(into canvas: inout Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        // Computed from this frame's rectangle every time: nothing is cached across a resize.
        let shown = shownColumns(width: rect.width)
        let shownStrips = rect.splitColumns(shown.map { columns[$0].width }, spacing: columnSpacing)
        let strips = zip(shown, shownStrips).map { (index: $0, rect: $1) }
        var y = rect.y
        if showsHeader {
            for (index, strip) in strips {
                let column = columns[index]
                canvas.write(column.title, in: Rect(x: strip.x, y: y, width: strip.width, height: 1), role: .title, alignment: column.alignment)
            }
            y += 1
        }
        let visible = visibleRows(height: rect.height)
        guard visible > 0 else { return }
        if rowCount == 0 {
            canvas.write(emptyMessage, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .muted)
            return
        }
        let offset = state.visibleOffset(rowCount: rowCount, visibleRows: visible)
        for (line, index) in (offset..<min(rowCount, offset + visible)).enumerated() {
            let rowY = y + line
            let row = self.row(index)
            let selected = index == state.selectedIndex
            if selected { canvas.fill(Rect(x: rect.x, y: rowY, width: rect.width, height: 1), role: .selection) }
            canvas.markHitRegion(Rect(x: rect.x, y: rowY, width: rect.width, height: 1), .tableRow(index))
            for (columnIndex, strip) in strips {
                guard columnIndex < row.cells.count else { continue }
                let cellRole = selected ? .selection : ((columnIndex < row.roles.count ? row.roles[columnIndex] : nil) ?? .text)
                let cellRect = Rect(x: strip.x, y: rowY, width: strip.width, height: 1)
                let alignment = columns[columnIndex].alignment
                canvas.write(row.cells[columnIndex], in: cellRect, role: cellRole, alignment: alignment)
                if columnIndex < row.highlights.count, !row.highlights[columnIndex].isEmpty {
                    highlight(row.highlights[columnIndex], of: row.cells[columnIndex], in: cellRect, role: cellRole, alignment: alignment, canvas: &canvas)
                }
            }
        }
    }

    /// Restyles the columns that `ranges` of `text` took when written into `rect` as
    /// `Canvas.write(_:in:)` does: aligned when it fits, else from the left edge and cut one
    /// column early for the "…" (a range past the cut is highlighted up to it).
    private func highlight(_ ranges: [Range<Int>], of text: String, in rect: Rect, role: Role, alignment: Alignment, canvas: inout Canvas) {
        var columnOfCharacter = [0]
        for character in text { columnOfCharacter.append((columnOfCharacter.last ?? 0) + DisplayWidth.of(character)) }
        let textWidth = columnOfCharacter.last ?? 0
        let fits = textWidth <= rect.width
        let shownWidth = fits ? textWidth : max(0, rect.width - 1)
        var start = 0
        if fits {
            switch alignment {
            case .leading: start = 0
            case .center: start = (rect.width - textWidth) / 2
            case .trailing: start = rect.width - textWidth
            }
        }
        let last = columnOfCharacter.count - 1
        for range in ranges {
            let from = columnOfCharacter[min(max(0, range.lowerBound), last)]
            let to = min(columnOfCharacter[min(max(0, range.upperBound), last)], shownWidth)
            guard to > from else { continue }
            canvas.restyle(Rect(x: rect.x + start + from, y: rect.y, width: to - from, height: 1), role: role, attributes: highlightAttributes)
        }
    }
}
