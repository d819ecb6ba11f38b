import Testing
@testable import TerminalUI

@Suite struct CanvasTests {
    @Test func writesAndClipsAtTheEdge() {
        var canvas = Canvas(size: Size(width: 8, height: 2))
        canvas.write("hello, world", at: Point(x: 0, y: 0))
        canvas.write("hi", at: Point(x: 7, y: 1))
        #expect(canvas.lines == ["hello, w", "       h"])
    }

    @Test func ellipsisMarksTruncation() {
        var canvas = Canvas(size: Size(width: 8, height: 1))
        canvas.write("hello, world", at: .zero, overflow: .ellipsis)
        #expect(canvas.lines == ["hello, …"])
    }

    @Test func maxWidthLimitsTheWrite() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        let written = canvas.write("abcdef", at: Point(x: 2, y: 0), maxWidth: 3)
        #expect(written == 3)
        #expect(canvas.lines == ["  abc     "])
    }

    @Test func wideCharactersTakeTwoColumns() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("日本x", at: .zero)
        #expect(canvas.lines == ["日本x "])
        #expect(canvas[x: 1, y: 0].isContinuation)
        #expect(canvas[x: 0, y: 0].character == "日")
    }

    @Test func wideCharacterThatDoesNotFitIsNotHalved() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.write("ab日本", at: .zero)
        #expect(canvas.lines == ["ab日 "])
    }

    @Test func emojiIsWideAndCombiningMarksStayWithTheirBase() {
        #expect(DisplayWidth.of("🔑" as Character) == 2)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("token 🔑") == 8)
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.write("🔑e\u{301}", at: .zero)
        #expect(canvas.lines == ["🔑e\u{301} "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.write("日本", at: .zero)
        canvas.write("x", at: Point(x: 1, y: 0))
        #expect(canvas.lines == [" x本"])
    }

    @Test func textStartingLeftOfTheCanvasIsScrolledIn() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.write("abcdef", at: Point(x: -2, y: 0))
        #expect(canvas.lines == ["cdef"])
    }

    @Test func controlCharactersBecomeSpaces() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.write("a\nb\tc", at: .zero)
        #expect(canvas.lines == ["a b c"])
    }

    @Test func boxWithTitle() {
        var canvas = Canvas(size: Size(width: 12, height: 3))
        let inner = canvas.box(canvas.bounds, title: "Login")
        canvas.write("user", in: inner)
        #expect(canvas.lines == [
            "┌ Login ───┐",
            "│user      │",
            "└──────────┘",
        ])
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
    }

    @Test func asciiBox() {
        var canvas = Canvas(size: Size(width: 4, height: 3))
        canvas.box(canvas.bounds, style: .ascii)
        #expect(canvas.lines == ["+--+", "|  |", "+--+"])
    }

    @Test func fillAndRestyle() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.fill(Rect(x: 1, y: 0, width: 2, height: 2), with: "#", role: .accent)
        canvas.restyle(Rect(x: 0, y: 1, width: 4, height: 1), role: .selection)
        #expect(canvas.lines == [" ## ", " ## "])
        #expect(canvas[x: 1, y: 0].role == .accent)
        #expect(canvas[x: 0, y: 1].role == .selection)
    }

    @Test func alignedWritesInARect() {
        var canvas = Canvas(size: Size(width: 9, height: 2))
        canvas.write("ab", in: canvas.bounds.row(0), alignment: .trailing)
        canvas.write("ab", in: canvas.bounds.row(1), alignment: .center)
        #expect(canvas.lines == ["       ab", "   ab    "])
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 0, height: 5), Size(width: 5, height: 0), Size(width: 2, height: 1)])
    func tinySizesNeverCrash(size: Size) {
        var canvas = Canvas(size: size)
        canvas.write("日本語のテキスト", at: .zero, overflow: .ellipsis)
        canvas.write("x", at: Point(x: -5, y: -5))
        canvas.write("x", at: Point(x: 100, y: 100))
        canvas.fill(Rect(x: -1, y: -1, width: 10, height: 10), with: "·")
        canvas.box(canvas.bounds, title: "Title")
        canvas.horizontalLine(canvas.bounds)
        _ = canvas.bounds.splitRows([.fixed(1), .fill, .fixed(1)])
        _ = canvas.bounds.splitColumns([.fixed(10), .fill], spacing: 2)
        #expect(canvas.lines.count == size.height)
        #expect(canvas.lines.allSatisfy { DisplayWidth.of($0) == size.width })
    }

    @Test func composingCanvases() {
        var base = Canvas(size: Size(width: 5, height: 1))
        base.write("abcde", at: .zero)
        var overlay = Canvas(size: Size(width: 2, height: 1))
        overlay.write("日", at: .zero)
        base.draw(overlay, at: Point(x: 2, y: 0))
        #expect(base.lines == ["ab日e"])
    }
}

@Suite struct LayoutTests {
    @Test func rowsSplitFixedThenFill() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 10).splitRows([.fixed(1), .fill, .fixed(2)])
        #expect(parts.map(\.height) == [1, 7, 2])
        #expect(parts.map(\.y) == [0, 1, 8])
    }

    @Test func columnsShareRemainderAndSpacing() {
        let parts = Rect(x: 0, y: 0, width: 11, height: 1).splitColumns([.fill, .fill], spacing: 1)
        #expect(parts.map(\.width) == [5, 5])
        #expect(parts.map(\.x) == [0, 6])
    }

    @Test func fixedPartsShrinkWhenSpaceRunsOut() {
        let parts = Rect(x: 0, y: 0, width: 5, height: 3).splitRows([.fixed(2), .fixed(2), .fill])
        #expect(parts.map(\.height) == [2, 1, 0])
    }

    @Test func centeredAndInset() {
        let r = Rect(x: 0, y: 0, width: 10, height: 6)
        #expect(r.centered(width: 4, height: 2) == Rect(x: 3, y: 2, width: 4, height: 2))
        #expect(r.inset(by: 4) == Rect(x: 4, y: 4, width: 2, height: 0))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 3).isEmpty)
    }

    @Test func truncationAndPadding() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.pad("ab", to: 4, alignment: .trailing) == "  ab")
    }
}
