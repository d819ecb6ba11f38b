import FoundationEssentials
import CNCurses
import Glibc

/// The terminal's size before the UI starts, so the first key already pages by the right
/// amount (the run loop reports later changes as resize messages).
public enum TerminalSize {
    public static func current() -> Size? {
        var size = winsize()
        for descriptor in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] where ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 {
            if size.ws_col > 0, size.ws_row > 0 {
                return Size(width: Int(size.ws_col), height: Int(size.ws_row))
            }
        }
        return nil
    }
}

