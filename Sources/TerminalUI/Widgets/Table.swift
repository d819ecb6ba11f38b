/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// `.fixed(n)`, `.percent(p)` or `.fill(weight:)`, as in `Rect.splitColumns`.
    public var width: LayoutConstraint
    public var alignment: Alignment

    public init(_ title: String, width: LayoutConstraint = .fill, alignment: Alignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
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

    public func render(into canvas: inout Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let strips = rect.splitColumns(columns.map(\.width), spacing: columnSpacing)
        var y = rect.y
        if showsHeader {
            for (column, strip) in zip(columns, strips) {
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
            for (columnIndex, strip) in strips.enumerated() {
                guard columnIndex < row.cells.count else { break }
                let cellRole = selected ? .selection : ((columnIndex < row.roles.count ? row.roles[columnIndex] : nil) ?? .text)
                canvas.write(row.cells[columnIndex], in: Rect(x: strip.x, y: rowY, width: strip.width, height: 1), role: cellRole, alignment: columns[columnIndex].alignment)
            }
        }
    }
}
