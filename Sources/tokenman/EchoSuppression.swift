import FoundationEssentials
import Glibc
import Synchronization
import TerminalUI

/// Echo off on a terminal while a secret is typed. If SIGINT or SIGTERM arrives meanwhile,
/// echo is put back before the process exits with 128 + the signal (otherwise the person's
/// shell would be left without echo).
///
/// The signals come through TerminalUI's `SignalPipe`, the project's one signal mechanism, so
/// the restoring runs on an ordinary thread and may take a lock: a raw handler could only
/// use async-signal-safe calls on globals. Only one `SignalPipe` runs at a time; the commands
/// that prompt (login, forgot-password, change-password) start no other.
final class EchoSuppression: Sendable {
    private let descriptor: Int32
    private let saved: termios
    /// True until echo is back, so it is restored once, by whichever comes first.
    private let isQuiet = Mutex(false)
    private let signals = Mutex<SignalPipe?>(nil)

    /// Turns echo off on `fd` (keeping the newline echoed); nil when `fd` is not a terminal.
    init?(fd: Int32) {
        var state = termios()
        guard tcgetattr(fd, &state) == 0 else { return nil }
        descriptor = fd
        saved = state
        // The handler is in place before echo goes off, so no signal finds it off and unguarded.
        let pipe = SignalPipe(signals: [SIGINT, SIGTERM]) { [self] number in
            // The typed line ends here: the next output starts on a line of its own.
            if restore() { _ = write(descriptor, "\n", 1) }
            _exit(128 + number)
        }
        signals.withLock { $0 = pipe }
        var quiet = state
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL)
        isQuiet.withLock { $0 = true }
        tcsetattr(fd, TCSAFLUSH, &quiet)
    }

    /// Puts echo back and gives SIGINT and SIGTERM their default actions again.
    func end() {
        restore()
        let pipe = signals.withLock { pipe in
            defer { pipe = nil }
            return pipe
        }
        pipe?.stop()
    }

    /// True when this call put echo back (false: it was back already).
    @discardableResult
    private func restore() -> Bool {
        isQuiet.withLock { quiet in
            guard quiet else { return false }
            var state = saved
            tcsetattr(descriptor, TCSAFLUSH, &state)
            quiet = false
            return true
        }
    }
}
