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
    public enum Answer: Hashable, Sendable { case yes, no }

    public var title: String
    public var message: String
    public var yesLabel: String
    public var noLabel: String
    /// Whether the action is destructive (the title is drawn in the danger role).
    public var isDestructive: Bool
    /// What Enter means; `nil` makes Enter do nothing, so only y/n answer.
    public var enterAnswer: Answer?

    public init(title: String, message: String, yesLabel: String = "yes", noLabel: String = "no", isDestructive: Bool = false, enterAnswer: Answer? = nil) {
        self.title = title
        self.message = message
        self.yesLabel = yesLabel
        self.noLabel = noLabel
        self.isDestructive = isDestructive
        self.enterAnswer = enterAnswer
    }

    /// y/Y → yes; n/N/Esc → no; Enter → `enterAnswer`; other keys → nil (ignored).
    public func answer(for key: Key) -> Answer? {
        switch key {
        case .character("y"), .character("Y"): return .yes
        case .character("n"), .character("N"), .escape, .control("c"): return .no
        case .enter: return enterAnswer
        default: return nil
        }
    }

    /// Draws the dialog centred in `rect` (usually the whole canvas), over what is there.
    public func render(into canvas: inout Canvas, in rect: Rect, border: BorderStyle) {
        let hints = KeyHintBar([KeyHint("y", yesLabel), KeyHint("n", noLabel)])
        let hintWidth = DisplayWidth.of("y \(yesLabel)  n \(noLabel)")
        let maxInner = max(1, min(rect.width - 4, 60))
        let innerWidth = min(maxInner, max(hintWidth, DisplayWidth.of(title) + 2, min(DisplayWidth.of(message), maxInner)))
        let lines = WordWrap.lines(message, width: innerWidth)
        let box = rect.centered(width: innerWidth + 4, height: lines.count + 4)
        canvas.fill(box, role: .text)
        let inner = canvas.box(box, role: .border, title: title, titleRole: isDestructive ? .danger : .title).inset(left: 1, right: 1)
        for (index, line) in lines.enumerated() where index < inner.height {
            canvas.write(line, in: inner.row(index), role: .text)
        }
        if inner.height >= 1 {
            hints.render(into: &canvas, in: inner.row(inner.height - 1))
        }
    }
}
