import Foundation
import Testing
@testable import TerminalUI

@Suite struct FormTests {
    static func loginForm() -> FormState {
        FormState(title: "Log in", fields: [
            FormField(id: "user", label: "Username"),
            FormField(id: "password", label: "Password", masked: true),
        ], submitLabel: "log in")
    }

    let now = Date(timeIntervalSinceReferenceDate: 0)

    @Test func tabAndShiftTabCycleFocus() {
        var form = FormTests.loginForm()
        #expect(form.focusIndex == 0)
        let r1 = form.handle(.tab)
        #expect(r1 == .navigated)
        #expect(form.focusIndex == 1)
        form.handle(.tab)
        #expect(form.focusIndex == 0)
        form.handle(.backTab)
        #expect(form.focusIndex == 1)
        form.handle(.up)
        #expect(form.focusIndex == 0)
    }

    @Test func enterMovesOnThenSubmits() {
        var form = FormTests.loginForm()
        let r2 = form.handle(.enter)
        #expect(r2 == .navigated)
        let r3 = form.handle(.enter)
        #expect(r3 == .submit)
        let r4 = form.handle(.escape)
        #expect(r4 == .cancel)
    }

    @Test func typingEditsTheFocusedFieldAndClearsItsMessage() {
        var form = FormTests.loginForm()
        form.setValidationMessage("Username is required", for: "user")
        form.formError = "Incorrect username or password."
        let r5 = form.handle(.character("a"))
        #expect(r5 == .edited)
        #expect(form.value(of: "user") == "a")
        #expect(form.fields[0].validationMessage == nil)
        #expect(form.formError == nil)
    }

    @Test func validationFocusesFirstInvalidField() {
        var form = FormTests.loginForm()
        form.focus(id: "password")
        let valid = form.validate { $0.value.isEmpty ? "\($0.label) is required" : nil }
        #expect(!valid)
        #expect(form.focusIndex == 0)
        #expect(form.fields.map(\.validationMessage) == ["Username is required", "Password is required"])
    }

    @Test func submittingIgnoresEverythingButEsc() {
        var form = FormTests.loginForm()
        form.isSubmitting = true
        let r6 = form.handle(.character("x"))
        #expect(r6 == .ignored)
        let r7 = form.handle(.tab)
        #expect(r7 == .ignored)
        let r8 = form.handle(.escape)
        #expect(r8 == .cancel)
        #expect(form.value(of: "user") == "")
    }

    @Test func ctrlRRevealsOnlyMaskedFields() {
        var form = FormTests.loginForm()
        let r9 = form.handle(.control("r"))
        #expect(r9 == .ignored)
        form.handle(.tab)
        let r10 = form.handle(.control("r"))
        #expect(r10 == .navigated)
        #expect(form.fields[1].input.isRevealed)
    }

    @Test func rendersFieldsValidationErrorAndHints() {
        var form = FormTests.loginForm()
        form.fields[0].input.text = "alice"
        form.fields[1].input.text = "pw"
        form.setValidationMessage("Too short", for: "password")
        form.formError = "Incorrect username or password."
        form.focus(id: "password")
        var canvas = Canvas(size: Size(width: 40, height: 6))
        Form(form, now: now).render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == [
            "Username  alice                         ",
            "Password  ••                            ",
            "          Too short                     ",
            "                                        ",
            "Incorrect username or password.         ",
            "Enter log in  Esc cancel  Tab next field",
        ])
        #expect(canvas.cursor == Point(x: 12, y: 1))
        #expect(canvas[x: 10, y: 2].role == .danger)
    }

    @Test func rendersSubmittingState() {
        var form = FormTests.loginForm()
        form.isSubmitting = true
        var canvas = Canvas(size: Size(width: 30, height: 4))
        Form(form, now: now).render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines.last == "⠋ Log in…  Esc cancel         ")
        #expect(canvas.cursor == nil)
    }

    @Test func narrowFormDoesNotCrash() {
        var canvas = Canvas(size: Size(width: 3, height: 2))
        Form(FormTests.loginForm(), now: now).render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines.count == 2)
    }

    @Test func choiceFieldsCycleAndIgnoreTyping() {
        var form = FormState(title: "T", fields: [
            FormField(id: "source", label: "Source", options: [FormOption(id: "a", label: "first"), FormOption(id: "b", label: "second")]),
        ])
        #expect(form.value(of: "source") == "a")
        #expect(form.handle(.character("x")) == .ignored)
        #expect(form.handle(.right) == .edited)
        #expect(form.value(of: "source") == "b")
        #expect(form.handle(.character(" ")) == .edited)
        #expect(form.value(of: "source") == "a")
        #expect(form.handle(.left) == .edited)
        #expect(form.value(of: "source") == "b")
        var canvas = Canvas(size: Size(width: 24, height: 1))
        Form(form, now: now).render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines[0] == "Source  < second >      ")
        #expect(canvas.cursor == Point(x: 8, y: 0))
        #expect(Form(form, now: now).hints.contains(KeyHint("←→", "choose")))
    }

    @Test func aFormTallerThanItsRectScrollsToTheFocus() {
        var form = FormState(title: "T", fields: (0..<6).map { FormField(id: "f\($0)", label: "Field \($0)") })
        form.focus(id: "f5")
        let view = Form(form, now: now, intro: [FormNote("What this is for")])
        let layout = view.layout(in: Rect(x: 0, y: 0, width: 30, height: 4))
        #expect(layout.hasMoreAbove)
        #expect(!layout.hasMoreBelow)
        #expect(layout.row(ofField: 5) == 3)
        #expect(layout.row(ofField: 0) == nil)
        #expect(layout.field(atRow: 2) == 4)
        form.focus(id: "f0")
        let top = Form(form, now: now, intro: [FormNote("What this is for")]).layout(in: Rect(x: 0, y: 0, width: 30, height: 4))
        #expect(!top.hasMoreAbove && top.hasMoreBelow)
        #expect(top.row(ofField: 0) == 2, "the intro and its blank row stay above the first field")
    }

    @Test func wordWrapEndsACutTextWithAnEllipsis() {
        #expect(WordWrap.lines("one two three four", width: 9, maxLines: 2) == ["one two", "three…"])
        #expect(WordWrap.lines("one two", width: 9, maxLines: 2) == ["one two"])
    }

    @Test func statusLineWrapsOntoItsRows() {
        let line = StatusLine(left: "a message that needs two rows")
        #expect(line.height(width: 20, maxLines: 3) == 2)
        #expect(line.height(width: 40, maxLines: 3) == 1)
        var canvas = Canvas(size: Size(width: 20, height: 2))
        line.render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == [" a message that     ", " needs two rows     "])
        #expect(canvas[x: 19, y: 1].role == .statusBar)
    }
}
