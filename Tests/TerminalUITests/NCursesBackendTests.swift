import CNCurses
import Foundation
@testable import TerminalUI
import TestSupport
import Testing

/// Drives the real ncurses backend against /dev/null and reads the screen back from the
/// ncurses window. Serialized: ncurses keeps global state (the current SCREEN).
@Suite(.serialized) struct NCursesBackendTests {
    func makeBackend(_ size: Size, theme: Theme = .dark, environment: [String: String] = [:]) throws -> NCursesBackend {
        let backend = NCursesBackend(theme: theme, device: .headless(terminalType: "xterm-256color", size: size), environment: environment)
        try backend.start()
        return backend
    }

    /// The text of row `y` as ncurses has it (wide characters once, as on screen).
    func screenLine(_ backend: NCursesBackend, _ y: Int) -> String {
        guard let window = backend.window else { return "<no window>" }
        let width = Int(getmaxx(window))
        var buffer = [wchar_t](repeating: 0, count: width + 1)
        let count = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(width))
        guard count != ERR else { return "<ERR>" }
        let scalars = buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Colour pair and attributes of the cell at (x, y).
    func cellStyle(_ backend: NCursesBackend, x: Int, y: Int) -> (pair: Int16, attributes: attr_t) {
        guard let window = backend.window else { return (-1, 0) }
        var cell = cchar_t()
        mvwin_wch(window, Int32(y), Int32(x), &cell)
        var text = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &text, &attributes, &pair, nil)
        return (pair, attributes)
    }

    @Test func drawsCanvasTextIncludingWideCharacters() throws {
        let backend = try makeBackend(Size(width: 12, height: 3))
        defer { backend.stop() }
        #expect(backend.size == Size(width: 12, height: 3))
        var canvas = Canvas(size: backend.size)
        canvas.write("token 🔑 ok", at: .zero)
        canvas.write("日本語", at: Point(x: 0, y: 1), role: .selection)
        canvas.write("é!", at: Point(x: 10, y: 2))
        backend.draw(canvas)
        #expect(screenLine(backend, 0) == "token 🔑 ok ")
        #expect(screenLine(backend, 1) == "日本語      ")
        #expect(screenLine(backend, 2) == "          é!")
    }

    @Test func rolesBecomeColourPairs() throws {
        let backend = try makeBackend(Size(width: 10, height: 2))
        defer { backend.stop() }
        #expect(backend.usesColor)
        var canvas = Canvas(size: backend.size)
        canvas.write("sel", at: .zero, role: .selection)
        canvas.write("bold", at: Point(x: 0, y: 1), role: .danger)
        backend.draw(canvas)
        let selectionPair = Int16((Role.allCases.firstIndex(of: .selection) ?? -1) + 1)
        #expect(cellStyle(backend, x: 0, y: 0).pair == selectionPair)
        #expect(cellStyle(backend, x: 0, y: 1).attributes & tm_a_bold() != 0)
    }

    @Test func noColorDrawsAttributesOnly() throws {
        let backend = try makeBackend(Size(width: 10, height: 1), environment: ["NO_COLOR": "1"])
        defer { backend.stop() }
        #expect(!backend.usesColor)
        var canvas = Canvas(size: backend.size)
        canvas.write("sel", at: .zero, role: .selection)
        backend.draw(canvas)
        let style = cellStyle(backend, x: 0, y: 0)
        #expect(style.pair == 0)
        #expect(style.attributes & tm_a_reverse() != 0)
    }

    @Test func redrawUpdatesOnlyChangedRowsCorrectly() throws {
        let backend = try makeBackend(Size(width: 6, height: 2))
        defer { backend.stop() }
        var canvas = Canvas(size: backend.size)
        canvas.write("first", at: .zero)
        canvas.write("second", at: Point(x: 0, y: 1))
        backend.draw(canvas)
        canvas.write("FIRST", at: .zero)
        backend.draw(canvas)
        #expect(screenLine(backend, 0) == "FIRST ")
        #expect(screenLine(backend, 1) == "second")
    }

    @Test func resizeToAnySizeDoesNotCrash() throws {
        let backend = try makeBackend(Size(width: 80, height: 24))
        defer { backend.stop() }
        for size in [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 3, height: 1), Size(width: 200, height: 60), Size(width: 80, height: 24)] {
            backend.resize(to: size)
            var canvas = Canvas(size: size)
            canvas.box(canvas.bounds, title: "tokenman")
            canvas.write("日本語🔑", at: Point(x: 1, y: 1))
            backend.draw(canvas)
            // A canvas of the wrong size (the view ignored the size) is clipped, not fatal.
            backend.draw(Canvas(size: Size(width: 300, height: 100)))
            backend.draw(Canvas(size: .zero))
        }
        #expect(backend.size == Size(width: 80, height: 24))
    }

    @Test func wideCharacterInTheLastColumnIsBlanked() throws {
        let backend = try makeBackend(Size(width: 3, height: 1))
        defer { backend.stop() }
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.write("ab日", at: .zero)
        backend.draw(canvas)
        #expect(screenLine(backend, 0) == "ab ")
    }

    @Test func wakeInterruptsTheWait() throws {
        let backend = try makeBackend(Size(width: 4, height: 1))
        defer { backend.stop() }
        let started = Date()
        backend.waker.wake()
        #expect(backend.nextEvent(timeout: .seconds(5)) == nil)
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func stopIsIdempotentAndRestartable() throws {
        let backend = try makeBackend(Size(width: 4, height: 1))
        backend.stop()
        backend.stop()
        try backend.start()
        backend.draw(Canvas(size: backend.size))
        backend.stop()
        #expect(backend.window == nil)
    }

    /// Frames drawn one after another leave ncurses holding exactly the last canvas, text and
    /// colours, whatever changed between them: the backend writes only the cells that differ
    /// from the previous frame, so narrow and wide characters replacing each other (and a
    /// wide one's continuation cell) must still come out right.
    @Test func successiveFramesLeaveExactlyTheLastCanvasOnScreen() throws {
        let size = Size(width: 7, height: 3)
        let backend = try makeBackend(size)
        defer { backend.stop() }
        var random = SeededGenerator(seed: 13)
        let pieces = ["a", "bc", " ", "日", "🔑x", "é", "本語", "--"]
        let roles: [Role] = [.text, .selection, .danger, .muted]
        var canvas = Canvas(size: size)
        for step in 0..<400 {
            for _ in 0..<(1 + random.next(below: 3)) {
                let text = pieces[random.next(below: pieces.count)]
                let at = Point(x: random.next(below: size.width), y: random.next(below: size.height))
                canvas.write(text, at: at, role: roles[random.next(below: roles.count)])
            }
            backend.draw(canvas)
            for y in 0..<size.height {
                #expect(screenLine(backend, y) == Self.expectedText(canvas, y), "step \(step) row \(y)")
                var x = 0
                for cell in canvas.row(y) {
                    defer { x += 1 }
                    if cell.isContinuation { continue }
                    let pair = Int16((Role.allCases.firstIndex(of: cell.role) ?? -1) + 1)
                    #expect(cellStyle(backend, x: x, y: y).pair == pair, "step \(step) cell \(x),\(y)")
                }
            }
        }
    }

    /// What row `y` of `canvas` shows: each cell's character, a wide one once.
    static func expectedText(_ canvas: Canvas, _ y: Int) -> String {
        var text = ""
        for cell in canvas.row(y) where !cell.isContinuation {
            text.append(cell.character)
        }
        return text
    }
}
