import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    @Test func insertAndMoveAndDelete() {
        var field = TextFieldState("helo")
        field.moveLeft()
        field.insert("l")
        #expect(field.text == "hello")
        #expect(field.cursor == 4)
        field.moveToStart()
        field.deleteForward()
        #expect(field.text == "ello")
        field.moveToEnd()
        field.backspace()
        #expect(field.text == "ell")
        #expect(field.cursor == 3)
        field.moveToStart()
        field.backspace()
        field.moveLeft()
        #expect(field.text == "ell" && field.cursor == 0)
    }

    @Test func ctrlUDeletesToStart() {
        var field = TextFieldState("secret value")
        let r1 = field.handle(.control("u"))
        #expect(r1)
        #expect(field.text == "")
        field.text = "abc def"
        field.moveLeft(); field.moveLeft(); field.moveLeft()
        field.handle(.control("u"))
        #expect(field.text == "def")
        #expect(field.cursor == 0)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        var field = TextFieldState("alice example.com  ")
        field.handle(.control("w"))
        #expect(field.text == "alice ")
        field.handle(.control("w"))
        #expect(field.text == "")
        field.handle(.control("w"))
        #expect(field.text == "")
    }

    @Test func handleReportsUnusedKeys() {
        var field = TextFieldState()
        let r2 = field.handle(.character("x"))
        #expect(r2)
        let r3 = field.handle(.tab)
        #expect(!r3)
        let r4 = field.handle(.enter)
        #expect(!r4)
        let r5 = field.handle(.left)
        #expect(r5)
        let r6 = field.handle(.delete)
        #expect(r6)
    }

    @Test func pastedNewlinesAreDropped() {
        var field = TextFieldState()
        field.insert("a\nb\tc")
        #expect(field.text == "abc")
    }

    @Test func maskingAndReveal() {
        var field = TextFieldState("hunter2", masked: true)
        #expect(field.displayText == "•••••••")
        field.toggleReveal()
        #expect(field.displayText == "hunter2")
    }

    @Test func renderMaskedFocusedFieldPlacesCursor() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        TextField(TextFieldState("pw", masked: true), focused: true).render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == ["••        "])
        #expect(canvas.cursor == Point(x: 2, y: 0))
        #expect(canvas[x: 5, y: 0].role == .inputFocused)
    }

    @Test func renderScrollsToKeepCursorVisible() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        TextField(TextFieldState("abcdefgh"), focused: true).render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == ["efgh "])
        #expect(canvas.cursor == Point(x: 4, y: 0))
    }

    @Test func placeholderWhenEmpty() {
        var canvas = Canvas(size: Size(width: 8, height: 1))
        TextField(TextFieldState(), placeholder: "username").render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == ["username"])
        #expect(canvas[x: 0, y: 0].role == .muted)
        #expect(canvas.cursor == nil)
    }
}
