import Testing
@testable import TerminalUI

@Suite struct TableTests {
    let columns = [TableColumn("NAME", width: .fixed(6)), TableColumn("TTL", width: .fill, alignment: .trailing)]
    var rows: [TableRow] { (0..<6).map { TableRow(["acct\($0)", "\($0):00"]) } }

    @Test func rendersHeaderRowsAndSelection() {
        let table = Table(columns: columns, rows: rows, state: TableState(selectedIndex: 1), columnSpacing: 1)
        var canvas = Canvas(size: Size(width: 12, height: 3))
        table.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == [
            "NAME     TTL",
            "acct0   0:00",
            "acct1   1:00",
        ])
        #expect(canvas[x: 0, y: 2].role == .selection)
        #expect(canvas[x: 6, y: 2].role == .selection)
        #expect(canvas[x: 0, y: 1].role == .text)
    }

    @Test func narrowTablesDropColumnsLowestDropOrderFirst() {
        let columns = [
            TableColumn("NAME", width: .fill, minWidth: 4),
            TableColumn("USER", width: .fixed(4), dropOrder: 0),
            TableColumn("TTL", width: .fixed(4), alignment: .trailing, dropOrder: 1),
        ]
        let table = Table(columns: columns, rows: [TableRow(["account", "bob", "1:00"])], state: TableState(), columnSpacing: 1)
        #expect(table.shownColumns(width: 14) == [0, 1, 2])
        #expect(table.shownColumns(width: 13) == [0, 2])
        #expect(table.shownColumns(width: 8) == [0])
        var canvas = Canvas(size: Size(width: 10, height: 2))
        table.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == ["NAME   TTL", "acco… 1:00"])
    }

    @Test func scrollingKeepsSelectionVisible() {
        var state = TableState()
        let visible = 3
        for _ in 0..<4 { state.handle(.down, rowCount: 6, visibleRows: visible) }
        #expect(state.selectedIndex == 4)
        #expect(state.scrollOffset == 2)
        state.handle(.up, rowCount: 6, visibleRows: visible)
        state.handle(.up, rowCount: 6, visibleRows: visible)
        #expect(state.scrollOffset == 2)
        state.handle(.up, rowCount: 6, visibleRows: visible)
        #expect(state.selectedIndex == 1)
        #expect(state.scrollOffset == 1)
        state.handle(.end, rowCount: 6, visibleRows: visible)
        #expect(state.selectedIndex == 5 && state.scrollOffset == 3)
        state.handle(.down, rowCount: 6, visibleRows: visible)
        #expect(state.selectedIndex == 5)
        state.handle(.pageUp, rowCount: 6, visibleRows: visible)
        #expect(state.selectedIndex == 3)
    }

    @Test func renderClampsAStaleOffsetAfterResize() {
        // Selected row 5 with offset 0: a smaller screen must still show it.
        let table = Table(columns: columns, rows: rows, state: TableState(selectedIndex: 5, scrollOffset: 0), columnSpacing: 1)
        var canvas = Canvas(size: Size(width: 12, height: 3))
        table.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == [
            "NAME     TTL",
            "acct4   4:00",
            "acct5   5:00",
        ])
    }

    @Test func emptyTableShowsMessage() {
        let table = Table(columns: columns, rows: [], state: TableState(), emptyMessage: "No accounts")
        var canvas = Canvas(size: Size(width: 12, height: 2))
        table.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines[1] == "No accounts ")
    }

    @Test func emptyRowCountKeepsSelectionAtZero() {
        var state = TableState(selectedIndex: 3)
        state.handle(.down, rowCount: 0, visibleRows: 5)
        #expect(state.selectedIndex == 0)
        #expect(state.visibleOffset(rowCount: 0, visibleRows: 0) == 0)
    }
}
