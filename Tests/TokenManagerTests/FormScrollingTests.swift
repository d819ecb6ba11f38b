import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// Forms and overlays scroll to keep the focused field visible and say when there is more;
/// long messages wrap (issue 12).
@Suite("Form scrolling and wrapping")
struct FormScrollingTests {
    static func changePassword(width: Int, height: Int) -> AppModel {
        var model = Fixture.model()
        model.size = Size(width: width, height: height)
        _ = Fixture.keys(&model, .character("j"), .character("p"))
        return model
    }

    /// The row the terminal cursor is on must be a row of the form's box, on the focused field.
    static func cursorRow(_ canvas: Canvas) -> String? {
        guard let cursor = canvas.cursor else { return nil }
        return canvas.lines[cursor.y]
    }

    @Test func changePasswordAt40x10KeepsRepeatVisible() throws {
        var model = Self.changePassword(width: 40, height: 10)
        let top = Fixture.render(model, width: 40, height: 10)
        // Current password first, the rest below the edge.
        #expect(Self.cursorRow(top)?.contains("Current") == true)
        #expect(top.lines.joined().contains("↓ more"))
        #expect(!top.lines.joined().contains("Repeat"))

        _ = Fixture.keys(&model, .tab, .tab)
        let bottom = Fixture.render(model, width: 40, height: 10)
        let cursor = try #require(bottom.cursor)
        #expect(bottom.lines[cursor.y].contains("Repeat"))
        #expect(cursor.x > 0 && cursor.x < 39, "the cursor is inside the box, not on its border")
        #expect(bottom.lines.joined().contains("↑ more"))
        // Typing lands in Repeat, where the cursor is.
        Fixture.type(&model, "abc")
        guard case .changePassword(let screen) = model.screen else { Issue.record("left the form"); return }
        #expect(screen.form.value(of: "repeat") == "abc")
        #expect(Fixture.render(model, width: 40, height: 10).lines[cursor.y].contains("•••"))
    }

    @Test func everyFieldOfEveryFormIsReachableAtSmallSizes() {
        for size in [Size(width: 40, height: 10), Size(width: 40, height: 12), Size(width: 30, height: 7)] {
            var model = Self.changePassword(width: size.width, height: size.height)
            for field in ["old", "new", "repeat"] {
                guard case .changePassword(let screen) = model.screen else { Issue.record("left the form"); return }
                #expect(screen.form.focusedField?.id == field)
                let canvas = Fixture.render(model, width: size.width, height: size.height)
                let body = AppView.bodyRect(for: size)
                guard let cursor = canvas.cursor else { Issue.record("no cursor at \(size) on \(field)"); return }
                #expect(body.contains(cursor), "cursor \(cursor) outside the body at \(size)")
                _ = Fixture.keys(&model, .tab)
            }
        }
    }

    @Test func formLayoutMapsRowsToFields() {
        let model = Self.changePassword(width: 40, height: 10)
        guard let layout = AppView.formLayout(model, now: Fixture.t0) else { Issue.record("no form"); return }
        let canvas = Fixture.render(model, width: 40, height: 10)
        let row = layout.row(ofField: 0)
        #expect(row == canvas.cursor?.y)
        #expect(layout.field(atRow: row ?? -1) == 0)
        #expect(layout.row(ofField: 2) == nil, "Repeat is below the edge")
        #expect(AppView.formLayout(Fixture.model(), now: Fixture.t0) == nil, "the list is no form")
    }

    @Test func helpAt20x5Scrolls() {
        var model = Fixture.model()
        model.size = Size(width: 20, height: 5)
        _ = Fixture.keys(&model, .character("?"))
        let first = Fixture.render(model, width: 20, height: 5).lines
        #expect(first[1].contains("Accounts"))
        #expect(first.last?.contains("↓ more") == true)
        #expect(!first.joined().contains("↑ more"))

        _ = Fixture.keys(&model, .character("j"))
        let second = Fixture.render(model, width: 20, height: 5).lines
        #expect(!second[1].contains("Accounts"))
        #expect(second[0].contains("↑ more"))

        _ = Fixture.keys(&model, .end)
        let last = Fixture.render(model, width: 20, height: 5).lines
        #expect(last[0].contains("↑ more"))
        #expect(last.last?.contains("↓ more") == false)
        #expect(last[1].contains("Home End"), "the last binding of help")

        _ = Fixture.keys(&model, .pageUp, .home)
        #expect(Fixture.render(model, width: 20, height: 5).lines[1].contains("Accounts"))
        _ = Fixture.keys(&model, .character(" "), .pageDown, .down, .character("k"), .up)
        #expect(model.helpOffset > 0)
        _ = Fixture.keys(&model, .escape)
        #expect(model.overlay == nil)
        #expect(model.helpOffset == 0, "help opens at the top next time")
    }

    @Test func helpThatFitsDoesNotScroll() {
        var model = Fixture.model()
        model.size = Size(width: 80, height: 40)
        _ = Fixture.keys(&model, .character("?"), .character("j"))
        #expect(model.helpOffset == 0)
        #expect(!Fixture.render(model, width: 80, height: 40).lines.joined().contains("more"))
    }

    static let longMessage = "Failed to connect to the provider: the variable MY_STARSHIP_PASSWORD_FROM_THE_VAULT is not set in this environment, so no password could be read"

    @Test func statusWrapsAt40Columns() {
        var model = Fixture.model()
        model.setStatus(Self.longMessage, role: .danger)
        let lines = Fixture.render(model, width: 40, height: 12).lines
        // 12 rows: a third is 4, capped at 3 rows; the message needs more, so it ends in "…".
        let status = Array(lines[8...10])
        #expect(status[0].hasPrefix(" Failed to connect to the provider:"))
        #expect(status.joined().contains("MY_STARSHIP_PASSWORD_FROM_THE_VAULT"))
        #expect(status[2].trimmingCharacters(in: .whitespaces).hasSuffix("…"))
        #expect(lines[11].hasPrefix("l login"), "the footer stays on the last row")
        // The list lost the rows the message took.
        #expect(lines[7].trimmingCharacters(in: .whitespaces).isEmpty || !lines[7].hasPrefix(" Failed"))
    }

    @Test func statusWrapsAt120ColumnsOnlyAsFarAsNeeded() {
        var model = Fixture.model()
        model.setStatus(Self.longMessage, role: .danger)
        let lines = Fixture.render(model, width: 120, height: 35).lines
        #expect(lines[32].hasPrefix(" Failed to connect"))
        #expect(lines[33].contains("could be read"))
        #expect(!lines[33].contains("…"))
        #expect(lines[34].hasPrefix("l login"))
        let short = Fixture.render(Fixture.model(), width: 120, height: 35).lines
        #expect(short[32].contains("shop") || short[32].trimmingCharacters(in: .whitespaces).isEmpty, "a short status keeps one row")
    }

    @Test func addFormIntroWrapsAt120Columns() {
        var model = Fixture.model()
        model.size = Size(width: 120, height: 35)
        _ = Fixture.keys(&model, .character("a"))
        let lines = Fixture.render(model, width: 120, height: 35).lines
        // The frame is at most 76 columns wide: the intro takes two rows, nothing cut.
        #expect(lines[2].contains("Providers: byteconnect, exabits, starship, wikimedia, cognito. Passwords │"))
        #expect(lines[3].contains("│ are never written to the file."))
        #expect(!lines.joined().contains("…"))
    }

    @Test func longValidationMessagesWrapUnderTheirField() {
        var state = FormState(title: "T", fields: [FormField(id: "a", label: "A")])
        state.setValidationMessage("This message is far too long for one row of a narrow form", for: "a")
        var canvas = Canvas(size: Size(width: 24, height: 8))
        Form(state, now: Fixture.t0).render(into: &canvas, in: canvas.bounds)
        let lines = canvas.lines.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines[1] == "This message is far")
        #expect(lines[2] == "too long for one row")
        #expect(lines[3] == "of a narrow form")
    }
}
