import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// Which columns the list keeps as the terminal narrows (issue 12): NAME always, then STATE
/// and ACCESS; USER and PROVIDER go first.
@Suite("Account list columns")
struct AccountListColumnTests {
    /// The fixture plus an account whose name is longer than a narrow NAME column.
    static func model() -> AppModel {
        var model = Fixture.model()
        model.accounts.append(AccountConfig(name: "staging-eu-west-batch-jobs", providerID: "wikimedia", username: "dave"))
        return model
    }

    @Test(arguments: [Size(width: 40, height: 12), Size(width: 80, height: 24)])
    func snapshot(_ size: Size) {
        var model = Self.model()
        _ = AppUpdate.update(&model, .resized(size))
        Snapshot.assert(AppView.render(model, now: Fixture.t0, size: size), named: "accounts-columns-\(size.width)x\(size.height)")
    }

    @Test func narrowWidthsKeepNameThenStateAndAccess() {
        let model = Self.model()
        for width in 40...50 {
            let header = AppView.render(model, now: Fixture.t0, size: Size(width: width, height: 12)).lines[1]
            #expect(header.contains("NAME") && header.contains("STATE") && header.contains("ACCESS"), "at \(width): \(header)")
            #expect(!header.contains("PROVIDER") && !header.contains("USER"), "at \(width): \(header)")
            let row = AppView.render(model, now: Fixture.t0, size: Size(width: width, height: 12)).lines[5]
            #expect(row.contains("staging-") && row.contains("…"), "at \(width): \(row)")
        }
    }

    /// Widths come from the size of the frame being drawn, and paging from the size the last
    /// `.resized` reported: neither waits for another message after a resize.
    @Test func resizeRelaysOutOnTheResizeItself() {
        var model = Self.model()
        _ = AppUpdate.update(&model, .resized(Size(width: 80, height: 24)))
        #expect(AppView.render(model, now: Fixture.t0, size: model.size).lines[1].contains("PROVIDER"))
        _ = AppUpdate.update(&model, .resized(Size(width: 40, height: 6)))
        let header = AppView.render(model, now: Fixture.t0, size: model.size).lines[1]
        #expect(header == "  NAME ▲      STATE               ACCESS")
        // Body of 6 - 3 = 3 rows: 2 accounts under the header, so PgDn moves 1 row.
        _ = Fixture.keys(&model, .pageDown)
        #expect(model.list.selectedName == "prod-wme")
    }

    @Test func headerMarksTheSortColumn() {
        var model = Self.model()
        #expect(AppView.render(model, now: Fixture.t0, size: Size(width: 80, height: 24)).lines[1].hasPrefix("  NAME ▲ "))
        _ = Fixture.keys(&model, .character("s"))
        let header = AppView.render(model, now: Fixture.t0, size: Size(width: 80, height: 24)).lines[1]
        #expect(header.contains("▲ ACCESS") && !header.contains("NAME ▲"))
    }

    /// A danger message keeps the bar's role (so its background) in every cell of the row.
    @Test func statusBarCoversTheWholeLine() {
        var model = Self.model()
        model.setStatus("gpu: boom", role: .danger)
        let canvas = AppView.render(model, now: Fixture.t0, size: Size(width: 40, height: 12))
        #expect(canvas.lines[10].hasPrefix(" gpu: boom"))
        #expect(canvas.row(10).allSatisfy { $0.role == .statusBar })
        #expect(canvas[x: 1, y: 10].attributes.contains(.bold))
    }
}
