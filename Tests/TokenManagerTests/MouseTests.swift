import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// Mouse events through `AppUpdate`: rows are found from the frame the view draws, so the
/// tests click where the view shows a thing, as a person would.
@Suite struct MouseTests {
    static func model(accounts extra: Int = 0) -> AppModel {
        var model = Fixture.model()
        model.size = Size(width: 80, height: 24)
        for index in 0..<extra {
            model.accounts.append(AccountConfig(name: "zz-\(index < 10 ? "0" : "")\(index)", providerID: "exabits", username: "u\(index)"))
        }
        return model
    }

    /// The screen row on which `text` is drawn.
    static func row(of text: String, in model: AppModel) throws -> Int {
        let lines = AppView.render(model, now: model.now, size: model.size).lines
        return try #require(lines.firstIndex { $0.contains(text) }, "\(text) is not on screen:\n\(lines.joined(separator: "\n"))")
    }

    static func click(_ model: inout AppModel, _ kind: MouseEvent.Kind = .press, x: Int = 10, y: Int) -> [AppCommand] {
        AppUpdate.update(&model, .keyPressed(.mouse(MouseEvent(kind, x: x, y: y))))
    }

    @Test func aClickSelectsTheRowUnderIt() throws {
        var model = Self.model()
        #expect(model.selectedAccount?.name == "gpu")
        _ = Self.click(&model, y: try Self.row(of: "shop", in: model))
        #expect(model.selectedAccount?.name == "shop")
        #expect(model.screen == .accounts)
        _ = Self.click(&model, .click, x: 40, y: try Self.row(of: "prod-wme", in: model))
        #expect(model.selectedAccount?.name == "prod-wme")
    }

    /// The rows are where the view draws them at every size, with the filter line too.
    @Test(arguments: [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 35)])
    func clicksFollowTheLayoutAtEverySize(size: Size) throws {
        var model = Self.model(accounts: 40)
        model.size = size
        _ = Self.click(&model, x: size.width - 1, y: try Self.row(of: "shop", in: model))
        #expect(model.selectedAccount?.name == "shop")
        // With a kept filter the table starts a row lower.
        _ = Fixture.keys(&model, .character("/"))
        Fixture.type(&model, "zz-1")
        _ = Fixture.keys(&model, .enter)
        _ = Self.click(&model, y: try Self.row(of: "zz-12", in: model))
        #expect(model.selectedAccount?.name == "zz-12")
        // The last row on screen, then the wheel past the end.
        let lines = AppView.render(model, now: model.now, size: model.size).lines
        let last = try #require(lines.lastIndex { $0.contains("zz-1") })
        _ = Self.click(&model, .doubleClick, y: last)
        guard case .detail(let details) = model.screen else { Issue.record("no details at \(size)"); return }
        #expect(lines[last].contains(details.account))
    }

    @Test func aDoubleClickOpensTheDetailsOfTheRow() throws {
        var model = Self.model()
        let y = try Self.row(of: "shop", in: model)
        _ = Self.click(&model, y: y)
        _ = Self.click(&model, .release, y: y)
        _ = Self.click(&model, .doubleClick, y: y)
        #expect(model.screen == .detail(DetailScreen(account: "shop")))
    }

    @Test func clicksOnTheTitleHeaderStatusAndFooterDoNothing() throws {
        let before = Self.model()
        var model = before
        let header = try Self.row(of: "NAME", in: model)
        for y in [0, header, 22, 23, 30, -1] {
            _ = Self.click(&model, y: y)
            _ = Self.click(&model, .doubleClick, y: y)
        }
        #expect(model == before)
    }

    @Test func theWheelMovesTheSelectionThreeRows() throws {
        var model = Self.model(accounts: 30)
        _ = Self.click(&model, .wheelDown, y: 5)
        #expect(model.list.selectedIndex == 3)
        _ = Self.click(&model, .wheelDown, y: 5)
        _ = Self.click(&model, .wheelUp, y: 5)
        #expect(model.list.selectedIndex == 3)
        // Far down, the list scrolls to keep the selection on screen (as with ↓).
        for _ in 0..<10 { _ = Self.click(&model, .wheelDown, y: 5) }
        let selected = try #require(model.selectedAccount?.name)
        _ = try Self.row(of: selected, in: model)
        #expect(model.list.selectedIndex == 32)
    }

    @Test func theWheelScrollsDetailsAsTheArrowsDo() {
        var wheel = Self.model()
        wheel.size = Size(width: 80, height: 10)
        Fixture.openDetails(&wheel, "prod-wme")
        var keys = wheel
        _ = Self.click(&wheel, .wheelDown, y: 3)
        _ = Fixture.keys(&keys, .down, .down, .down)
        #expect(wheel == keys)
        guard case .detail(let screen) = wheel.screen else { return }
        #expect(screen.scroll == 3)
        _ = Self.click(&wheel, .wheelUp, y: 3)
        #expect(wheel.screen == .detail(DetailScreen(account: "prod-wme")))
        // A click on details does nothing.
        let before = wheel
        _ = Self.click(&wheel, y: 3)
        #expect(wheel == before)
    }

    @Test func theWheelOverHelpIsItsArrowKeysAndClicksLeaveDialogsAlone() {
        var wheel = Self.model()
        wheel.overlay = .help
        var keys = wheel
        _ = Self.click(&wheel, .wheelDown, y: 3)
        _ = Fixture.keys(&keys, .down, .down, .down)
        #expect(wheel == keys)
        #expect(wheel.overlay == .help)

        var model = Self.model()
        _ = Fixture.keys(&model, .character("j"), .character("d"))
        let confirming = model
        _ = Self.click(&model, .doubleClick, y: 10)
        #expect(model == confirming)
    }

    @Test func aClickOnAFormFieldFocusesIt() throws {
        var model = Self.model()
        _ = Fixture.keys(&model, .character("a"))
        guard case .accountForm(let before) = model.screen else { Issue.record("no add form"); return }
        #expect(before.form.focusedField?.id == "provider")
        _ = Self.click(&model, x: 4, y: try Self.row(of: "Username", in: model))
        guard case .accountForm(let after) = model.screen else { Issue.record("the form closed"); return }
        #expect(after.form.focusedField?.id == "username")
        // Typing goes to the clicked field.
        Fixture.type(&model, "dave")
        guard case .accountForm(let typed) = model.screen else { return }
        #expect(typed.form.value(of: "username") == "dave")
        // A click on the form's context lines focuses nothing else.
        _ = Self.click(&model, x: 4, y: 2)
        guard case .accountForm(let still) = model.screen else { return }
        #expect(still.form.focusedField?.id == "username")
    }

    @Test func hitRegionsMatchWhatTheTableDraws() {
        let model = Self.model(accounts: 30)
        let frame = AppView.render(model, now: model.now, size: model.size)
        let rows = model.list.visibleAccounts
        var seen = 0
        for (y, line) in frame.lines.enumerated() {
            guard case .tableRow(let index)? = frame.hitTarget(at: Point(x: 5, y: y)) else { continue }
            #expect(line.contains(rows[index].name))
            seen += 1
        }
        #expect(seen == AccountListScreen.visibleRows(model.list, bodyHeight: AppView.bodyRect(for: model.size).height))
    }
}
