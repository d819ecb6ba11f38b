import CNCurses

/// Restores the terminal if the process dies of a fatal signal (a Swift trap is SIGILL or
/// SIGTRAP, `abort` is SIGABRT) while the UI owns it, so the user's shell is not left in
/// raw mode on the alternate screen. The handler is C in `shim.h` because only
/// async-signal-safe calls are allowed there. Normal exits go through `endwin` (`stop()`
/// and an `atexit` hook in `NCursesBackend`).
enum CrashGuard {
    /// Call before ncurses changes the terminal modes, so the saved modes are the sane ones.
    static func install(ttyDescriptor fd: Int32) {
        _ = tm_crash_guard_install(fd)
    }

    static func remove() {
        tm_crash_guard_remove()
    }
}
