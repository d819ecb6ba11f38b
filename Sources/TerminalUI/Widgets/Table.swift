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

/// One row: its cells, and optionally a role per cell (e.g. a countdown in `.warning`).
public struct TableRow: Hashable, Sendable {
    public var cells: [String]
    public var roles: [Role?]

    public init(_ cells: [String], roles: [Role?] = []) {
        self.cells = cells
        self.roles = roles
    }
}

/// A list with a header row, column widths and a selected row kept in view.
///
/// ```
/// NAME       USER    ACCESS
/// prod-wme   alice   14:55      ← selection role
/// staging    bob     expired
/// ```
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var state: TableState
    public var showsHeader: Bool
    /// Spaces between columns.
    public var columnSpacing: Int
    /// Shown (muted) when there are no rows.
    public var emptyMessage: String

    public init(columns: [TableColumn], rows: [TableRow], state: TableState, showsHeader: Bool = true, columnSpacing: Int = 2, emptyMessage: String = "") {
        self.columns = columns
        self.rows = rows
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
        if rows.isEmpty {
            canvas.write(emptyMessage, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .muted)
            return
        }
        let offset = state.visibleOffset(rowCount: rows.count, visibleRows: visible)
        for (line, index) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let rowY = y + line
            let row = rows[index]
            let selected = index == state.selectedIndex
            if selected { canvas.fill(Rect(x: rect.x, y: rowY, width: rect.width, height: 1), role: .selection) }
            canvas.markHitRegion(Rect(x: rect.x, y: rowY, width: rect.width, height: 1), .tableRow(index))
            for (columnIndex, strip) in strips {
                guard columnIndex < row.cells.count else { continue }
                let cellRole = selected ? .selection : ((columnIndex < row.roles.count ? row.roles[columnIndex] : nil) ?? .text)
                canvas.write(row.cells[columnIndex], in: Rect(x: strip.x, y: rowY, width: strip.width, height: 1), role: cellRole, alignment: columns[columnIndex].alignment)
            }
        }
    }
}
