/// Selection and scroll position of a list or table, as a value.
///
/// `scrollOffset` is the first row shown. The render step also clamps it (see
/// `visibleOffset`), so a selection stays visible after a resize even before the next key.
public struct TableState: Hashable, Sendable {
    public var selectedIndex: Int
    public var scrollOffset: Int

    public init(selectedIndex: Int = 0, scrollOffset: Int = 0) {
        self.selectedIndex = max(0, selectedIndex)
        self.scrollOffset = max(0, scrollOffset)
    }

    /// Selects `index` clamped to the rows that exist, and scrolls as little as possible to
    /// keep it among `visibleRows` rows.
    public mutating func select(_ index: Int, rowCount: Int, visibleRows: Int) {
        selectedIndex = rowCount == 0 ? 0 : min(max(0, index), rowCount - 1)
        scrollOffset = visibleOffset(rowCount: rowCount, visibleRows: visibleRows)
    }

    public mutating func moveSelection(by delta: Int, rowCount: Int, visibleRows: Int) {
        select(selectedIndex + delta, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// ↑/↓, k/j, Ctrl-P/Ctrl-N, PgUp/PgDn, Ctrl-U/Ctrl-D (half a page, as in vi and less),
    /// Home/End (g/G). Returns false for other keys.
    @discardableResult
    public mutating func handle(_ key: Key, rowCount: Int, visibleRows: Int) -> Bool {
        let page = max(1, visibleRows - 1)
        let halfPage = max(1, visibleRows / 2)
        switch key {
        case .up, .character("k"), .control("p"): moveSelection(by: -1, rowCount: rowCount, visibleRows: visibleRows)
        case .down, .character("j"), .control("n"): moveSelection(by: 1, rowCount: rowCount, visibleRows: visibleRows)
        case .pageUp: moveSelection(by: -page, rowCount: rowCount, visibleRows: visibleRows)
        case .pageDown: moveSelection(by: page, rowCount: rowCount, visibleRows: visibleRows)
        case .control("u"): scroll(by: -halfPage, rowCount: rowCount, visibleRows: visibleRows)
        case .control("d"): scroll(by: halfPage, rowCount: rowCount, visibleRows: visibleRows)
        case .home, .character("g"): select(0, rowCount: rowCount, visibleRows: visibleRows)
        case .end, .character("G"): select(rowCount - 1, rowCount: rowCount, visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    /// Scrolls the view and the selection together by `delta` rows (vi's Ctrl-D/Ctrl-U), so
    /// the selection keeps its line on screen until an end of the list is reached.
    public mutating func scroll(by delta: Int, rowCount: Int, visibleRows: Int) {
        let current = visibleOffset(rowCount: rowCount, visibleRows: visibleRows)
        scrollOffset = min(max(0, current + delta), max(0, rowCount - visibleRows))
        select(selectedIndex + delta, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// The first row to show so that the selection is visible, moving the stored offset as
    /// little as possible and never leaving empty rows below the last one.
    public func visibleOffset(rowCount: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0, rowCount > visibleRows else { return 0 }
        let selected = min(max(0, selectedIndex), rowCount - 1)
        var offset = min(scrollOffset, rowCount - visibleRows)
        if selected < offset { offset = selected }
        if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        return max(0, offset)
    }
}
