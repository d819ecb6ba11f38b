/// A grid of cells that views draw into; the backend copies it to the terminal.
///
/// Every drawing operation clips to the canvas (and to the `maxWidth` or `Rect` it is
/// given), so views can be written without bounds checks and a 0x0 canvas is valid.
/// `lines` renders the grid as plain strings for tests:
///
/// ```swift
/// var canvas = Canvas(size: Size(width: 8, height: 1))
/// canvas.write("hello, world", at: .zero, overflow: .ellipsis)
/// #expect(canvas.lines == ["hello, …"])
/// ```
public struct Canvas: Hashable, Sendable {
    public let size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a focused text field sets it);
    /// `nil` hides the cursor.
    public var cursor: Point?
    /// What is where, for mouse clicks: widgets mark the rows they draw (see `HitRegion`).
    public internal(set) var hitRegions: [HitRegion] = []

    public init(size: Size, background: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: background, count: size.width * size.height)
    }

    /// The whole canvas as a rectangle, the usual starting point for layout.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at (x, y); a blank cell outside the canvas.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// One row of cells (empty outside the canvas). Used by the backend to diff rows.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// The text of each row, continuation cells omitted, trailing spaces kept (so a test
    /// literal shows exactly what is on screen).
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for cell in row(y) where !cell.isContinuation { line.append(cell.character) }
            return line
        }
    }

    // MARK: Writing

    /// What happens to text that does not fit.
    public enum Overflow: Hashable, Sendable {
        /// Cut at the edge.
        case clip
        /// Cut one column earlier and end with "…".
        case ellipsis
    }

    /// Writes `text` on one row starting at `point`, clipped to the canvas and to `maxWidth`
    /// columns. A wide character that would straddle the limit is not drawn (its column is
    /// left blank), never cut in half. Newlines and other control characters are drawn as
    /// spaces, so a stray "\n" from a server message cannot break the layout.
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, at point: Point, role: Role = .text, attributes: TextAttributes = [], maxWidth: Int? = nil, overflow: Overflow = .clip) -> Int {
        guard point.y >= 0, point.y < size.height, point.x < size.width else { return 0 }
        // Text may start left of the canvas (a scrolled view): skip the off-screen columns.
        var skip = max(0, -point.x)
        let startX = max(0, point.x)
        var limit = size.width - startX
        if let maxWidth { limit = min(limit, maxWidth - skip) }
        guard limit > 0 else { return 0 }
        let shown: String
        if overflow == .ellipsis, DisplayWidth.of(text) > limit + skip {
            shown = DisplayWidth.truncate(text, to: limit + skip)
        } else {
            shown = text
        }
        var x = startX
        let end = startX + limit
        for character in shown {
            var glyph = character
            var width = DisplayWidth.of(character)
            if width == 0 {
                // Control characters become spaces; a lone combining mark is dropped.
                guard Canvas.isControl(character) else { continue }
                glyph = " "
                width = 1
            }
            if skip > 0 {
                skip -= width
                if skip < 0 {
                    // The right half of a wide character cut by the left edge: blank it.
                    put(Cell(" ", role: role, attributes: attributes), x: x, y: point.y, width: 1)
                    x += 1
                    skip = 0
                }
                continue
            }
            if x + width > end { break }
            put(Cell(glyph, role: role, attributes: attributes), x: x, y: point.y, width: width)
            x += width
        }
        return x - startX
    }

    private static func isControl(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return value < 0x20 || (value >= 0x7F && value < 0xA0)
    }

    /// Writes `text` into the first row of `rect`, aligned and clipped (or truncated with
    /// "…") to the rectangle's width.
    @discardableResult
    public mutating func write(_ text: String, in rect: Rect, role: Role = .text, attributes: TextAttributes = [], alignment: Alignment = .leading, overflow: Overflow = .ellipsis) -> Int {
        guard !rect.isEmpty else { return 0 }
        let width = DisplayWidth.of(text)
        let offset: Int
        switch alignment {
        case .leading: offset = 0
        case .center: offset = max(0, (rect.width - width) / 2)
        case .trailing: offset = max(0, rect.width - width)
        }
        return write(text, at: Point(x: rect.x + offset, y: rect.y), role: role, attributes: attributes, maxWidth: rect.width - offset, overflow: overflow)
    }

    /// Fills `rect` (clipped to the canvas) with `character` in `role`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", role: Role = .text, attributes: TextAttributes = []) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(character, role: role, attributes: attributes)
        for y in area.y..<area.maxY {
            // Cutting into a wide character at the edges of the area would leave half of it.
            clearWideCharacter(coveringX: area.x, y: y)
            clearWideCharacter(coveringX: area.maxX - 1, y: y)
            let start = y * size.width
            for x in area.x..<area.maxX { cells[start + x] = cell }
        }
    }

    /// Changes the role (and optionally attributes) of existing cells in `rect` without
    /// touching their characters, e.g. to highlight a selected table row after drawing it.
    public mutating func restyle(_ rect: Rect, role: Role, attributes: TextAttributes? = nil) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * size.width + x].role = role
                if let attributes { cells[y * size.width + x].attributes = attributes }
            }
        }
    }

    /// Draws a border around `rect` with an optional title in the top edge, and returns the
    /// inner rectangle. Rectangles smaller than 2x2 get no border (and an empty interior).
    @discardableResult
    public mutating func box(_ rect: Rect, style: BorderStyle = .unicode, role: Role = .border, title: String? = nil, titleRole: Role = .title) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            setSingle(style.horizontal, x: x, y: rect.y, role: role)
            setSingle(style.horizontal, x: x, y: bottom, role: role)
        }
        for y in (rect.y + 1)..<bottom {
            setSingle(style.vertical, x: rect.x, y: y, role: role)
            setSingle(style.vertical, x: right, y: y, role: role)
        }
        setSingle(style.topLeft, x: rect.x, y: rect.y, role: role)
        setSingle(style.topRight, x: right, y: rect.y, role: role)
        setSingle(style.bottomLeft, x: rect.x, y: bottom, role: role)
        setSingle(style.bottomRight, x: right, y: bottom, role: role)
        if let title, !title.isEmpty, rect.width > 4 {
            write(" \(title) ", at: Point(x: rect.x + 1, y: rect.y), role: titleRole, maxWidth: rect.width - 2, overflow: .ellipsis)
        }
        return rect.inset(by: 1)
    }

    /// Draws a horizontal rule across `rect`'s first row.
    public mutating func horizontalLine(_ rect: Rect, style: BorderStyle = .unicode, role: Role = .border) {
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height)), with: style.horizontal, role: role)
    }

    /// Copies another canvas onto this one at `origin` (clipped), e.g. to compose a
    /// dialog rendered separately.
    public mutating func draw(_ other: Canvas, at origin: Point) {
        for y in 0..<other.size.height {
            let ty = origin.y + y
            guard ty >= 0, ty < size.height else { continue }
            for x in 0..<other.size.width {
                let cell = other[x: x, y: y]
                guard !cell.isContinuation else { continue }
                let width = DisplayWidth.of(cell.character) == 2 ? 2 : 1
                let tx = origin.x + x
                guard tx >= 0, tx + width <= size.width else { continue }
                put(cell, x: tx, y: ty, width: width)
            }
        }
    }

    // MARK: Cell plumbing

    /// Stores a cell of `width` columns, repairing any wide character it overlaps.
    private mutating func put(_ cell: Cell, x: Int, y: Int, width: Int) {
        clearWideCharacter(coveringX: x, y: y)
        if width == 2 { clearWideCharacter(coveringX: x + 1, y: y) }
        let index = y * size.width + x
        cells[index] = cell
        if width == 2, x + 1 < size.width {
            cells[index + 1] = Cell(" ", role: cell.role, attributes: cell.attributes, isContinuation: true)
        }
    }

    private mutating func setSingle(_ character: Character, x: Int, y: Int, role: Role) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        put(Cell(character, role: role), x: x, y: y, width: 1)
    }

    /// If column `x` is part of a wide character, blanks both of its halves, so that
    /// overwriting one half never leaves a dangling half on screen.
    private mutating func clearWideCharacter(coveringX x: Int, y: Int) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let index = y * size.width + x
        if cells[index].isContinuation {
            cells[index].isContinuation = false
            cells[index].character = " "
            if x > 0 { cells[index - 1].character = " " }
        } else if x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index].character = " "
            cells[index + 1].isContinuation = false
            cells[index + 1].character = " "
        }
    }
}
