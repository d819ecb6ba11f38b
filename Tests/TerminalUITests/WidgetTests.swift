import Foundation
import Testing
@testable import TerminalUI

@Suite struct WidgetTests {
    @Test func statusLineDropsRightPartWhenNarrow() {
        var wide = Canvas(size: Size(width: 30, height: 1))
        StatusLine(left: "copied token", right: "clears in 0:42").render(into: &wide, in: wide.bounds)
        #expect(wide.lines == [" copied token  clears in 0:42 "])
        #expect(wide[x: 0, y: 0].role == .statusBar)
        var narrow = Canvas(size: Size(width: 16, height: 1))
        StatusLine(left: "copied token", right: "clears in 0:42").render(into: &narrow, in: narrow.bounds)
        #expect(narrow.lines == [" copied token   "])
    }

    @Test func keyHintsDropWholeHintsAtNarrowWidths() {
        let bar = KeyHintBar([KeyHint("Enter", "open"), KeyHint("c", "copy"), KeyHint("q", "quit")])
        var canvas = Canvas(size: Size(width: 24, height: 1))
        bar.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == ["Enter open  c copy      "])
        #expect(canvas[x: 0, y: 0].role == .accent)
        #expect(canvas[x: 6, y: 0].role == .muted)
        var tiny = Canvas(size: Size(width: 6, height: 1))
        bar.render(into: &tiny, in: tiny.bounds)
        #expect(tiny.lines == ["Enter…"])
    }

    @Test func confirmDialogAnswers() {
        let dialog = ConfirmDialog(title: "Remove", message: "Remove prod?", isDestructive: true)
        #expect(dialog.answer(for: .character("y")) == .yes)
        #expect(dialog.answer(for: .character("N")) == .no)
        #expect(dialog.answer(for: .escape) == .no)
        #expect(dialog.answer(for: .enter) == nil)
        #expect(dialog.answer(for: .character("x")) == nil)
    }

    @Test func confirmDialogRendersCentred() {
        let dialog = ConfirmDialog(title: "Remove", message: "Remove prod?", yesLabel: "remove", noLabel: "keep")
        var canvas = Canvas(size: Size(width: 22, height: 7))
        canvas.fill(canvas.bounds, with: ".")
        dialog.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == [
            "......................",
            ".┌ Remove ──────────┐.",
            ".│ Remove prod?     │.",
            ".│                  │.",
            ".│ y remove  n keep │.",
            ".└──────────────────┘.",
            "......................",
        ])
    }

    @Test func helpOverlayListsBindings() {
        let help = HelpOverlay(sections: [.init("Accounts", [KeyHint("Enter", "open"), KeyHint("c", "copy token")])])
        var canvas = Canvas(size: Size(width: 24, height: 7))
        help.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == [
            "┌ Keys ───────────────┐ ",
            "│ Accounts            │ ",
            "│   Enter  open       │ ",
            "│   c      copy token │ ",
            "│                     │ ",
            "│ Esc/? close         │ ",
            "└─────────────────────┘ ",
        ])
    }

    @Test func overlaysSurviveTinyCanvases() {
        for size in [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 5, height: 2)] {
            var canvas = Canvas(size: size)
            ConfirmDialog(title: "T", message: "A long question that wraps").render(into: &canvas, in: canvas.bounds)
            HelpOverlay(sections: [.init("S", [KeyHint("k", "v")])]).render(into: &canvas, in: canvas.bounds)
            #expect(canvas.lines.count == size.height)
        }
    }

    @Test func spinnerIsAFunctionOfTime() {
        let t0 = Date(timeIntervalSinceReferenceDate: 100)
        #expect(spinnerFrame(t0) == "⠋")
        #expect(spinnerFrame(t0.addingTimeInterval(0.25)) == "⠙")
        #expect(spinnerFrame(t0.addingTimeInterval(2.5)) == "⠋")
    }

    @Test func wordWrap() {
        #expect(WordWrap.lines("remove the account now", width: 10) == ["remove the", "account", "now"])
        #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(WordWrap.lines("x", width: 0) == [])
    }
}
