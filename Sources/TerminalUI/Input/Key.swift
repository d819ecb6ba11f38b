/// A key press, decoded from ncurses by `Key.decode(_:)`.
///
/// Control keys are `.control("u")` (lower-case letter), except the ones terminals send as
/// their own codes: Ctrl-I is `.tab`, Ctrl-M/Ctrl-J are `.enter`, Ctrl-H is `.backspace`,
/// Ctrl-[ is `.escape`.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("c")`. In raw mode Ctrl-C and Ctrl-Z arrive here
    /// instead of as signals; `Program` suspends on Ctrl-Z and quits on an unmapped Ctrl-C.
    case control(Character)
    case enter, escape, tab, backTab
    case up, down, left, right
    case home, end, pageUp, pageDown
    case backspace, delete, insert
    /// F1–F12.
    case function(Int)
    /// The terminal was resized (ncurses' KEY_RESIZE); `Program` turns this into a resize message.
    case resize
    /// A key code nothing here knows (kept so it can be logged).
    case unknown(Int)
    /// A click or the wheel (ncurses' KEY_MOUSE); it comes through the key path so screens
    /// see input in order.
    case mouse(MouseEvent)

    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .unknown(let code): return "Key(\(code))"
        case .mouse(let event): return event.description
        }
    }
}
