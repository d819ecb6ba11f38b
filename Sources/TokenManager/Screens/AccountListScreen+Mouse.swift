import TerminalUI
import AuthEngine

/// Clicks and the wheel on the account list: a click selects the row under it, a double
/// click opens its details (as Enter), the wheel moves the selection three rows (as ↓ ↑).
/// The row under a click comes from the frame the view draws (`Canvas.hitTarget`), so the
/// header, the filter line, the status line and the footer are simply not rows.
extension AccountListScreen {
    static func mouse(_ model: inout AppModel, _ event: MouseEvent) -> [AppCommand] {
        let rows = model.list.rows
        switch event.kind {
        case .wheelUp, .wheelDown:
            let visible = visibleRows(model.list, bodyHeight: AppView.bodyRect(model).height)
            var table = TableState(selectedIndex: model.list.selectedIndex, scrollOffset: model.list.scrollOffset)
            table.moveSelection(by: event.kind == .wheelDown ? AppUpdate.wheelStep : -AppUpdate.wheelStep, rowCount: rows.count, visibleRows: visible)
            model.list.selectedName = rows.account(atRow: table.selectedIndex)?.name ?? model.list.selectedName
            model.list.scrollOffset = table.scrollOffset
        case .press, .click, .doubleClick:
            let frame = AppView.render(model, now: model.now, size: model.size)
            guard case .tableRow(let index)? = frame.hitTarget(at: Point(x: event.x, y: event.y)),
                  let account = rows.account(atRow: index) else { return [] }
            // A click on a row ends typing a filter (the filter is kept, as with Enter).
            model.list.isEditingFilter = false
            model.list.selectedName = account.name
            if event.kind == .doubleClick { model.screen = .detail(DetailScreen(account: account.name)) }
        case .release:
            break
        }
        return []
    }
}
