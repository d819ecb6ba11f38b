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

/// Makes what ncurses reports of button 1 into presses, clicks and double clicks the same
/// way whatever it merged. ncurses parses the reports that arrive together as one run and
/// merges a press and its release: depending on the mask and the run it then reports a click,
/// a double click, or only the release (seen with xterm SGR reports from tmux). So a release
/// without a press before it is a click, and a press or click on the same cell within
/// `interval` of the last one is a double click.
public struct ClickResolver: Sendable {
    public static let interval: Duration = .milliseconds(400)
    private var lastClick: (x: Int, y: Int, at: ContinuousClock.Instant)?
    private var isPressed = false

    public init() {}

    public mutating func resolve(_ event: MouseEvent, at now: ContinuousClock.Instant) -> MouseEvent {
        var event = event
        switch event.kind {
        case .press:
            isPressed = true
        case .release:
            guard !isPressed else {
                isPressed = false
                return event
            }
            event.kind = .click
        case .click:
            isPressed = false
        case .doubleClick:
            isPressed = false
            lastClick = nil
            return event
        case .wheelUp, .wheelDown:
            return event
        }
        if let last = lastClick, last.x == event.x, last.y == event.y, now - last.at <= Self.interval {
            lastClick = nil
            return MouseEvent(.doubleClick, x: event.x, y: event.y)
        }
        lastClick = (event.x, event.y, now)
        return event
    }
}
