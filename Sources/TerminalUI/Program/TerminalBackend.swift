/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this size (after SIGWINCH / KEY_RESIZE, or after resuming).
    case resize(Size)
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived, or the terminal closed (SIGHUP): the loop
    /// restores the terminal and returns.
    case terminate(signal: Int32)
}

/// Wakes a backend blocked in `nextEvent(timeout:)` from any thread, so effect results
/// are drawn at once instead of at the next timeout.
public struct TerminalWaker: Sendable {
    private let body: @Sendable () -> Void

    public init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    public func wake() { body() }
}

/// The terminal as the run loop sees it. `NCursesBackend` is the real one; tests use a
/// scripted fake. All methods except `waker.wake()` are called on the loop's thread.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    var waker: TerminalWaker { get }
    /// Takes over the terminal (raw mode, alternate screen, colours).
    func start() throws
    /// Restores the terminal. Safe to call more than once.
    func stop()
    /// Shows `canvas` (which has `size`), updating only what changed.
    func draw(_ canvas: Canvas)
    /// Waits up to `timeout` for input. Returns nil on timeout or when woken.
    func nextEvent(timeout: Duration) -> TerminalEvent?
    /// Writes raw bytes to the terminal between frames (OSC 52).
    func writeRaw(_ bytes: [UInt8])
    /// Ctrl-Z: restores the terminal, stops the process, and takes the terminal back when
    /// the shell resumes it. The next `draw` must repaint everything.
    func suspend()
}
