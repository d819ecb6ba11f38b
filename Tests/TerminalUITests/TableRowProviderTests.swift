import Synchronization
import Testing
@testable import TerminalUI

/// Rows come from a provider asked only for rows on screen; highlights land on the columns the
/// highlighted characters take; Ctrl-D/U scroll half a page with the selection.
@Suite struct TableRowProviderTests {
    @Test func onlyTheRowsOnScreenAreAskedFor() {
        let asked = Mutex<[Int]>([])
        let table = Table(
            columns: [TableColumn("N", width: .fill)], rowCount: 1_000_000,
            row: { index in
                asked.withLock { $0.append(index) }
                return TableRow(["row \(index)"])
            },
            state: TableState(selectedIndex: 500_000), columnSpacing: 1)
        var canvas = Canvas(size: Size(width: 12, height: 4))
        table.render(into: &canvas, in: canvas.bounds)
        #expect(asked.withLock { $0 } == [499_998, 499_999, 500_000])
        #expect(canvas.lines == ["N           ", "row 499998  ", "row 499999  ", "row 500000  "])
    }

    @Test func highlightsFollowDisplayColumnsAlignmentAndTruncation() {
        let columns = [TableColumn("A", width: .fixed(8)), TableColumn("B", width: .fixed(6), alignment: .trailing)]
        let rows = [
            TableRow(["日本abc", "xab"], highlights: [[2..<3], [1..<3]]),
            // Cut to "abcdefg…": a range past the cut stops before the ellipsis.
            TableRow(["abcdefghijk", ""], highlights: [[5..<10], []]),
        ]
        let table = Table(columns: columns, rows: rows, state: TableState(selectedIndex: 1), columnSpacing: 1)
        var canvas = Canvas(size: Size(width: 15, height: 3))
        table.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == ["A             B", "日本abc     xab", "abcdefg…       "])
        func marked(_ y: Int) -> [Int] {
            (0..<15).filter { canvas[x: $0, y: y].attributes == table.highlightAttributes }
        }
        #expect(marked(1) == [4, 13, 14])
        #expect(marked(2) == [5, 6])
        #expect(canvas[x: 5, y: 2].role == .selection)
    }

    @Test func ctrlDAndCtrlUScrollHalfAPage() {
        var state = TableState()
        let handled = state.handle(.control("d"), rowCount: 100, visibleRows: 10)
        #expect(handled)
        #expect(state == TableState(selectedIndex: 5, scrollOffset: 5))
        state.handle(.control("d"), rowCount: 100, visibleRows: 10)
        #expect(state == TableState(selectedIndex: 10, scrollOffset: 10))
        state.handle(.control("u"), rowCount: 100, visibleRows: 10)
        #expect(state == TableState(selectedIndex: 5, scrollOffset: 5))
        state.handle(.control("u"), rowCount: 100, visibleRows: 10)
        state.handle(.control("u"), rowCount: 100, visibleRows: 10)
        #expect(state == TableState(selectedIndex: 0, scrollOffset: 0))
        state.handle(.control("n"), rowCount: 100, visibleRows: 10)
        #expect(state.selectedIndex == 1)
        state.handle(.control("p"), rowCount: 100, visibleRows: 10)
        #expect(state.selectedIndex == 0)
    }
}
