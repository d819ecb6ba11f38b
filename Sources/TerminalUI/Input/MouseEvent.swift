/// A mouse event in screen cells (0-based, origin top left), decoded from ncurses'
/// `MEVENT` by `MouseEvent.decode(buttonState:x:y:)`. Only button 1 and the wheel are
/// reported; every action they start has a key too.
public struct MouseEvent: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case press, release, click, doubleClick, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    public var description: String {
        "Mouse(\(kind) \(x),\(y))"
    }

    /// The events `NCursesBackend` asks ncurses for (`mousemask`).
    static let reportedButtons: UInt = NCursesMouseMask.button1Pressed | NCursesMouseMask.button1Released
        | NCursesMouseMask.button1Clicked | NCursesMouseMask.button1DoubleClicked
        | NCursesMouseMask.button4Pressed | NCursesMouseMask.button5Pressed

    /// Decodes one `getmouse` result; nil for buttons and states nothing here uses.
    public static func decode(buttonState: UInt, x: Int, y: Int) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let kind: Kind
        if buttonState & NCursesMouseMask.button4Pressed != 0 {
            kind = .wheelUp
        } else if buttonState & NCursesMouseMask.button5Pressed != 0 {
            kind = .wheelDown
        } else if buttonState & (NCursesMouseMask.button1DoubleClicked | NCursesMouseMask.button1TripleClicked) != 0 {
            kind = .doubleClick
        } else if buttonState & NCursesMouseMask.button1Clicked != 0 {
            kind = .click
        } else if buttonState & NCursesMouseMask.button1Pressed != 0 {
            kind = .press
        } else if buttonState & NCursesMouseMask.button1Released != 0 {
            kind = .release
        } else {
            return nil
        }
        return MouseEvent(kind, x: x, y: y)
    }
}

/// ncurses' mouse mask bits (`<curses.h>`, NCURSES_MOUSE_VERSION 2), written out so decoding
/// does not need the C module; `MouseDecodingTests` checks them against the real macros.
enum NCursesMouseMask {
    static let button1Released: UInt = 0o1
    static let button1Pressed: UInt = 0o2
    static let button1Clicked: UInt = 0o4
    static let button1DoubleClicked: UInt = 0o10
    static let button1TripleClicked: UInt = 0o20
    static let button4Pressed: UInt = 0o2 << 15
    static let button5Pressed: UInt = 0o2 << 20
}

/// Turns a second press of button 1 on the same cell soon after the first into a double
/// click. ncurses could do this itself (`mouseinterval`), but only by holding every press
/// back for the interval; the UI answers presses at once instead (set to 0, see
/// `NCursesBackend`) and recognises the second one here.
public struct DoubleClickTracker: Sendable {
    public static let interval: Duration = .milliseconds(400)
    private var lastPress: (x: Int, y: Int, at: ContinuousClock.Instant)?

    public init() {}

    public mutating func resolve(_ event: MouseEvent, at now: ContinuousClock.Instant) -> MouseEvent {
        guard event.kind == .press || event.kind == .click else { return event }
        if let last = lastPress, last.x == event.x, last.y == event.y, now - last.at <= Self.interval {
            lastPress = nil
            return MouseEvent(.doubleClick, x: event.x, y: event.y)
        }
        lastPress = (event.x, event.y, now)
        return event
    }
}
