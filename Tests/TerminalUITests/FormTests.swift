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
}
