/// A modal yes/no question drawn in a box centred over the screen:
///
/// ```
/// ┌ Remove account ─────────┐
/// │ Remove prod-wme and its │
/// │ stored tokens?          │
/// │                         │
/// │ y remove  n keep        │
/// └─────────────────────────┘
/// ```
///
/// Keep the dialog in the model (e.g. `var confirm: ConfirmDialog?`) and route keys to
/// `answer(for:)` while it is shown.
public struct ConfirmDialog: Hashable, Sendable {
    public enum Answer: Hashable, Sendable {
        case yes, no
        /// The key of one of `options`.
        case option(Character)
    }

    /// One of several answers, for a question that is more than yes or no:
    /// `l log out: ends the session at the provider`.
    public struct Option: Hashable, Sendable {
        public var key: Character
        public var label: String
        /// What choosing it does, shown under the message.
        public var detail: String

        public init(key: Character, label: String, detail: String = "") {
            self.key = key
            self.label = label
            self.detail = detail
        }
    }

    public var title: String
    public var message: String
    public var yesLabel: String
    public var noLabel: String
    /// Whether the action is destructive (the title is drawn in the danger role).
    public var isDestructive: Bool
    /// What Enter means; `nil` makes Enter do nothing, so only y/n answer.
    public var enterAnswer: Answer?
    /// When not empty, the dialog offers these instead of yes: each option's key answers
    /// `.option(key)`, and Esc (or n, when no option uses it) answers no ("cancel").
    public var options: [Option]
    /// Text lines scrolled off the top, when the text does not fit (↑/↓, PgUp/PgDn).
    public var offset: Int

    public init(title: String, message: String, yesLabel: String = "yes", noLabel: String = "no", isDestructive: Bool = false, enterAnswer: Answer? = nil, options: [Option] = []) {
        self.title = title
        self.message = message
        self.yesLabel = yesLabel
        self.noLabel = noLabel
        self.isDestructive = isDestructive
        self.enterAnswer = enterAnswer
        self.options = options
        self.offset = 0
    }

    /// y/Y → yes; n/N/Esc → no; Enter → `enterAnswer`; an option's key → that option; other
    /// keys → nil (ignored).
    public func answer(for key: Key) -> Answer? {
        if case .character(let c) = key, let option = options.first(where: { String($0.key).lowercased() == String(c).lowercased() }) {
            return .option(option.key)
        }
        switch key {
        case .character("y"), .character("Y"): return options.isEmpty ? .yes : nil
        case .character("n"), .character("N"), .escape, .control("c"): return .no
        case .enter: return enterAnswer
        default: return nil
        }
    }

    /// The key hints in the dialog's last row (and the app footer while it is shown).
    public var hints: [KeyHint] {
        if options.isEmpty { return [KeyHint("y", yesLabel), KeyHint("n", noLabel)] }
        return options.map { KeyHint(String($0.key), $0.label) } + [KeyHint("Esc", noLabel)]
    }

    /// The box in `rect`, the wrapped text and how many of its lines fit.
    private func geometry(in rect: Rect) -> (box: Rect, lines: [String], textRows: Int) {
        let hints = hints
        let hintWidth = hints.map { DisplayWidth.of($0.key) + 1 + DisplayWidth.of($0.action) }.reduce(0, +) + 2 * max(0, hints.count - 1)
        let details = options.filter { !$0.detail.isEmpty }.map { "\($0.key) \($0.label): \($0.detail)" }
        let longest = ([message] + details).map { DisplayWidth.of($0) }.max() ?? 0
        let maxInner = max(1, min(rect.width - 4, 60))
        let innerWidth = min(maxInner, max(hintWidth, DisplayWidth.of(title) + 2, min(longest, maxInner)))
        var lines = WordWrap.lines(message, width: innerWidth)
        if !details.isEmpty {
            lines.append("")
            for detail in details { lines += WordWrap.lines(detail, width: innerWidth) }
        }
        let box = rect.centered(width: innerWidth + 4, height: lines.count + 4)
        // Inside the border: the text, a blank row, the hints.
        return (box, lines, max(0, box.height - 4))
    }

    /// The offset after ↑/↓ (a line) or PgUp/PgDn (a page) in `rect`; nil for other keys.
    public func offset(after key: Key, in rect: Rect) -> Int? {
        let (_, lines, textRows) = geometry(in: rect)
        let maxOffset = max(0, lines.count - textRows)
        let page = max(1, textRows - 1)
        let next: Int
        switch key {
        case .down: next = offset + 1
        case .up: next = offset - 1
        case .pageDown: next = offset + page
        case .pageUp: next = offset - page
        default: return nil
        }
        return min(max(0, next), maxOffset)
    }

    /// Draws the dialog centred in `rect` (usually the whole canvas), over what is there. Text
    /// that does not fit scrolls, with "↑ more" / "↓ more" on the border; the hints always show.
    public func render(into canvas: inout Canvas, in rect: Rect, border: BorderStyle) {
        let (box, lines, textRows) = geometry(in: rect)
        let start = min(max(0, offset), max(0, lines.count - textRows))
        canvas.fill(box, role: .text)
        let inner = canvas.box(box, style: border, role: .border, title: title, titleRole: isDestructive ? .danger : .title).inset(left: 1, right: 1)
        for (index, line) in lines.dropFirst(start).prefix(textRows).enumerated() {
            canvas.write(line, in: inner.row(index), role: .text)
        }
        if inner.height >= 1 {
            KeyHintBar(hints).render(into: &canvas, in: inner.row(inner.height - 1))
        }
        ScrollMarks.render(into: &canvas, box: box, moreAbove: start > 0, moreBelow: start + textRows < lines.count)
    }
}
