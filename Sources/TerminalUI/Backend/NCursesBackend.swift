import CNCurses
import FoundationEssentials
import Glibc
import PlatformSupport

/// The terminal, through ncursesw: the only type (with its helpers in this folder) that
/// talks to ncurses, and the only thing that writes to the screen the UI owns.
///
/// It opens the controlling terminal (`/dev/tty`, so stdout can still be redirected),
/// runs in raw mode (Ctrl-C and Ctrl-Z arrive as keys), sets up one colour pair per role
/// from the theme (or attributes only, for `NO_COLOR`, monochrome themes and terminals
/// without colour), and copies each `Canvas` with minimal updates. `stop()` — also called
/// on SIGINT/SIGTERM/SIGHUP via `Program`, at exit, and (as far as possible) on crashes —
/// puts the terminal back.
public final class NCursesBackend: TerminalBackend {
    /// Where the UI is drawn.
    public enum Device: Sendable {
        /// `/dev/tty` (falling back to stdin/stdout when there is none), `$TERM` terminfo.
        case controllingTerminal
        /// `/dev/null` with the given terminfo entry and size: for tests, which read the
        /// screen back from the ncurses window instead of a real terminal.
        case headless(terminalType: String, size: Size)
    }

    public let device: Device
    public private(set) var theme: Theme
    private let environment: [String: String]
    private let wakePipe = WakePipe()
    private let signals = SignalWatcher()

    private var screen: OpaquePointer?
    /// The window all drawing goes to (ncurses' stdscr of our screen).
    private(set) var window: UnsafeMutablePointer<WINDOW>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var inputDescriptor: Int32 = -1
    private var outputDescriptor: Int32 = -1
    private var previousFrame: Canvas?
    private var cursorVisible: Bool?
    /// Polls in a row that said the input was readable when nothing could be read.
    private var emptyReads = 0
    /// ncurses attributes (colour pair included) per role, indexed by `Role` order.
    private var roleAttributes: [Role: (attributes: attr_t, pair: Int16)] = [:]
    /// Whether colours are in use (false for NO_COLOR, monochrome themes, no colour support).
    public private(set) var usesColor = false
    /// Report clicks and the wheel (`.mouse` keys). ncurses turns the terminal's mouse
    /// reporting on (SGR mode 1006 where terminfo has it) and off again at `stop()` and
    /// `suspend()`; terminals keep their own selection on Shift-drag meanwhile.
    public let reportsMouse: Bool
    private var clicks = ClickResolver()

    /// - Parameters:
    ///   - theme: the theme to draw with; NO_COLOR in `environment` overrides it.
    ///   - environment: read for NO_COLOR (and TERM by ncurses itself).
    public init(theme: Theme = .dark, device: Device = .controllingTerminal, environment: [String: String] = ProcessEnvironment.variables, reportsMouse: Bool = true) {
        self.theme = theme.honoringNoColor(environment: environment)
        self.reportsMouse = reportsMouse
        self.device = device
        self.environment = environment
    }

    deinit {
        stop()
    }

    public var waker: TerminalWaker {
        let pipe = wakePipe
        return TerminalWaker { pipe.wake() }
    }

    public var size: Size {
        guard let window else { return .zero }
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    // MARK: Start and stop

    public func start() throws {
        guard screen == nil else { return }
        setlocale(LC_ALL, "")
        NCursesBackend.registerExitHook()
        let terminalType: String?
        switch device {
        case .controllingTerminal:
            if let tty = fopen("/dev/tty", "r+") {
                inputFile = tty
                outputFile = tty
            } else {
                inputFile = fdopen(dup(STDIN_FILENO), "r")
                outputFile = fdopen(dup(STDOUT_FILENO), "w")
            }
            terminalType = nil
        case .headless(let type, _):
            inputFile = fopen("/dev/null", "r")
            outputFile = fopen("/dev/null", "w")
            terminalType = type
        }
        guard let inputFile, let outputFile else {
            closeFiles()
            throw TerminalError.cannotOpenTerminal
        }
        inputDescriptor = fileno(inputFile)
        outputDescriptor = fileno(outputFile)
        if case .controllingTerminal = device, isatty(inputDescriptor) == 0 || isatty(outputDescriptor) == 0 {
            // No /dev/tty and stdin/stdout are files or pipes: there is nobody to draw for, and
            // reading keys from a file would end at once or never.
            closeFiles()
            throw TerminalError.notATerminal
        }
        if case .controllingTerminal = device {
            // Before newterm: the modes saved for a crash must be the shell's, and ncurses
            // must not install its own SIGINT/SIGTERM handlers (it skips ignored signals).
            CrashGuard.install(ttyDescriptor: outputDescriptor)
            let pipe = wakePipe
            signals.start { pipe.wake() }
        }
        guard let newScreen = terminalType.map({ newterm($0, outputFile, inputFile) }) ?? newterm(nil, outputFile, inputFile) else {
            stopSignalHandling()
            closeFiles()
            throw TerminalError.unknownTerminal(environment["TERM"] ?? "")
        }
        screen = newScreen
        set_term(newScreen)
        window = tm_stdscr()
        if case .headless(_, let size) = device {
            resize_term(Int32(max(1, size.height)), Int32(max(1, size.width)))
        }
        raw()
        noecho()
        nonl()
        set_escdelay(25)
        typeahead(-1)
        if let window {
            keypad(window, true)
            meta(window, true)
            intrflush(window, false)
            scrollok(window, false)
        }
        setCursorVisible(false)
        setUpColors()
        setMouseReporting(reportsMouse)
        previousFrame = nil
    }

    /// Asks ncurses for button 1 and the wheel, or for nothing. `mouseinterval(0)`: ncurses
    /// does not wait for more mouse input before reporting; `ClickResolver` makes clicks and
    /// double clicks of whatever it merged.
    private func setMouseReporting(_ on: Bool) {
        guard screen != nil else { return }
        if on {
            let wanted = tm_button1_pressed() | tm_button1_released() | tm_button1_clicked() | tm_button1_double_clicked()
                | tm_button4_pressed() | tm_button5_pressed()
            mousemask(wanted, nil)
            mouseinterval(0)
        } else {
            mousemask(0, nil)
        }
    }

    public func stop() {
        guard let screen else { return }
        setCursorVisible(true)
        // endwin turns reporting off too; saying so first keeps it off whatever the terminfo.
        setMouseReporting(false)
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        stopSignalHandling()
        closeFiles()
    }

    private func stopSignalHandling() {
        guard case .controllingTerminal = device else { return }
        signals.stop()
        CrashGuard.remove()
    }

    private func closeFiles() {
        if let inputFile { fclose(inputFile) }
        if let outputFile, outputFile != inputFile { fclose(outputFile) }
        inputFile = nil
        outputFile = nil
        inputDescriptor = -1
        outputDescriptor = -1
    }

    /// `endwin` at process exit in case the app exits without stopping the backend.
    private static let exitHookRegistered: Bool = {
        atexit {
            if !isendwin() { endwin() }
        }
        return true
    }()

    private static func registerExitHook() {
        _ = exitHookRegistered
    }

    // MARK: Colours

    private func setUpColors() {
        roleAttributes.removeAll()
        usesColor = !theme.isMonochrome && has_colors()
        if usesColor {
            start_color()
            let defaultsAllowed = use_default_colors() == OK
            let colorCount = Int(tm_colors())
            for (index, role) in Role.allCases.enumerated() {
                let style = theme.style(for: role)
                var foreground = style.foreground.resolved(colorCount: colorCount)
                var background = style.background.resolved(colorCount: colorCount)
                if !defaultsAllowed {
                    if foreground < 0 { foreground = 7 }
                    if background < 0 { background = 0 }
                }
                let pair = Int16(index + 1)
                init_pair(pair, Int16(foreground), Int16(background))
                roleAttributes[role] = (NCursesBackend.attributes(style.attributes), pair)
            }
        } else {
            // Monochrome: roles become attributes only, whatever the theme said.
            for role in Role.allCases {
                roleAttributes[role] = (NCursesBackend.attributes(Theme.monochrome.style(for: role).attributes), 0)
            }
        }
    }

    /// Switches themes at runtime (e.g. a settings screen); the next frame repaints.
    public func apply(theme newTheme: Theme) {
        theme = newTheme.honoringNoColor(environment: environment)
        guard screen != nil else { return }
        setUpColors()
        previousFrame = nil
    }

    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = tm_a_normal()
        if attributes.contains(.bold) { result |= tm_a_bold() }
        if attributes.contains(.dim) { result |= tm_a_dim() }
        if attributes.contains(.reverse) { result |= tm_a_reverse() }
        if attributes.contains(.underline) { result |= tm_a_underline() }
        return result
    }

    // MARK: Drawing

    public func draw(_ canvas: Canvas) {
        guard let window else { return }
        let screenSize = size
        let rows = min(screenSize.height, canvas.size.height)
        let columns = min(screenSize.width, canvas.size.width)
        let repaintAll = previousFrame?.size != canvas.size
        if repaintAll { werase(window) }
        var character = cchar_t()
        var styles = RoleStyleCache(roleAttributes)
        for y in 0..<rows {
            let row = canvas.row(y)
            // Rows and cells equal to the last frame's are already on screen (ncurses would
            // find no difference either, but skipping them saves building their cchar_t: a
            // countdown changes a character or two of a row each second).
            let previousRow = repaintAll ? nil : previousFrame.map { $0.row(y) }
            if let previousRow, previousRow == row { continue }
            var x = 0
            while x < columns {
                let cell = row[row.startIndex + x]
                if cell.isContinuation {
                    x += 1
                    continue
                }
                let width = DisplayWidth.of(cell.character)
                let span = max(1, width)
                if let previousRow, Self.cells(of: previousRow, equalTo: row, from: x, count: span) {
                    x += span
                    continue
                }
                // A wide character that does not fit in the last column would wrap: blank it.
                let glyph: Character = width == 2 && x + 1 >= columns ? " " : cell.character
                fill(&character, glyph, cell: cell, style: styles.style(of: cell.role))
                mvwadd_wch(window, Int32(y), Int32(x), &character)
                x += span
            }
        }
        if let cursor = canvas.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            setCursorVisible(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(window)
        doupdate()
        previousFrame = canvas
    }

    /// Whether the cells `x..<x + count` of two rows of the same width are the same: a wide
    /// character is compared with the continuation cell it covers.
    private static func cells(of previous: ArraySlice<Cell>, equalTo row: ArraySlice<Cell>, from x: Int, count: Int) -> Bool {
        guard previous.count == row.count, x + count <= row.count else { return false }
        let before = previous.startIndex + x
        let now = row.startIndex + x
        for offset in 0..<count where previous[before + offset] != row[now + offset] {
            return false
        }
        return true
    }

    /// Builds the cchar_t for one cell without allocating: the grapheme's scalars (base plus
    /// combining marks, at most CCHARW_MAX) go into a fixed, NUL-terminated buffer.
    private func fill(_ character: inout cchar_t, _ glyph: Character, cell: Cell, style: (attributes: attr_t, pair: Int16)) {
        let attributes = style.attributes | NCursesBackend.attributes(cell.attributes)
        var buffer: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            let wide = raw.bindMemory(to: wchar_t.self)
            var count = 0
            for scalar in glyph.unicodeScalars where count < 5 {
                wide[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            if count == 0 { wide[0] = 0x20 }
            _ = setcchar(&character, wide.baseAddress, attributes, style.pair, nil)
        }
    }

    /// The last role's colours, looked up again only when the role changes (runs of one role
    /// are the rule): a dictionary lookup per cell was a visible part of an idle frame.
    private struct RoleStyleCache {
        let table: [Role: (attributes: attr_t, pair: Int16)]
        var role: Role?
        var style: (attributes: attr_t, pair: Int16) = (0, 0)

        init(_ table: [Role: (attributes: attr_t, pair: Int16)]) {
            self.table = table
        }

        mutating func style(of wanted: Role) -> (attributes: attr_t, pair: Int16) {
            if role != wanted {
                role = wanted
                style = table[wanted] ?? (tm_a_normal(), 0)
            }
            return style
        }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard screen != nil, cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    // MARK: Input

    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        if let signal = signals.take() { return .terminate(signal: signal) }
        guard window != nil else { return nil }
        // ncurses may hold keys it already read (a paste, a burst of arrows): use them first.
        if let event = readKey() { return event }
        let milliseconds = Int32(clamping: max(0, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        var descriptors = [pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if case .controllingTerminal = device {
            descriptors.append(pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0))
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        if descriptors[0].revents != 0 { wakePipe.drain() }
        if let signal = signals.take() { return .terminate(signal: signal) }
        if let newSize = followTerminalSize() { return .resize(newSize) }
        // EINTR is usually SIGWINCH: ncurses reports it as KEY_RESIZE on the next read.
        if ready < 0 { return readKey() }
        guard descriptors.count > 1, descriptors[1].revents != 0 else { return nil }
        let input = descriptors[1].revents
        if input & Int16(POLLIN) == 0, input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            return .terminate(signal: SIGHUP)  // the terminal is gone: end as a hangup would
        }
        if let event = readKey() {
            emptyReads = 0
            return event
        }
        // Readable, yet nothing to read: end of file (a closed pty reports POLLIN, then reads
        // 0 bytes). Without this the loop would poll and read nothing forever, at full CPU.
        var pending: Int32 = 0
        if ioctl(inputDescriptor, UInt(FIONREAD), &pending) == 0, pending == 0 {
            emptyReads += 1
            if emptyReads >= Self.emptyReadsMeaningEndOfFile { return .terminate(signal: SIGHUP) }
        }
        return nil
    }

    /// The terminal's size if it differs from the screen's, after resizing the screen to it.
    /// Checked on every wake (SIGWINCH wakes the loop, see `SignalWatcher`), so the frame after
    /// a resize is already laid out for the new size.
    private func followTerminalSize() -> Size? {
        guard window != nil, case .controllingTerminal = device else { return nil }
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard tm_tty_size(outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0 else { return nil }
        let terminal = Size(width: Int(columns), height: Int(rows))
        guard terminal != size else { return nil }
        resize_term(rows, columns)
        // The terminal reflowed what it showed; ncurses' copy of the screen no longer says
        // what is there, so the next refresh repaints every cell.
        if let window { clearok(window, true) }
        previousFrame = nil
        return size
    }

    /// Consecutive "readable but empty" polls taken as end of input (one can be a partial
    /// escape sequence that ncurses is still waiting on).
    private static let emptyReadsMeaningEndOfFile = 3

    /// One key if ncurses has one now (it still waits ESCDELAY to tell Esc from a sequence).
    private func readKey() -> TerminalEvent? {
        guard let window else { return nil }
        wtimeout(window, 0)
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if status == OK {
            return Key.decode(.character(UInt32(value))).map(TerminalEvent.key)
        }
        if status == tm_key_code_yes() {
            let code = Int32(bitPattern: UInt32(value))
            if code == tm_key_resize() {
                previousFrame = nil
                return .resize(size)
            }
            if code == tm_key_mouse() { return readMouse() }
            return Key.decode(.keyCode(code)).map(TerminalEvent.key)
        }
        return nil
    }

    /// The mouse event ncurses has queued. One we do not report (another button) still
    /// comes back as an unknown key: input was read, so it must not count towards
    /// `emptyReadsMeaningEndOfFile`.
    private func readMouse() -> TerminalEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK,
              let decoded = MouseEvent.decode(buttonState: UInt(event.bstate), x: Int(event.x), y: Int(event.y))
        else { return .key(.unknown(Int(tm_key_mouse()))) }
        return .key(.mouse(clicks.resolve(decoded, at: .now)))
    }

    // MARK: Raw output, suspend, resize

    public func writeRaw(_ bytes: [UInt8]) {
        guard outputDescriptor >= 0, !bytes.isEmpty else { return }
        if let outputFile { fflush(outputFile) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(outputDescriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    public func suspend() {
        guard let window, case .controllingTerminal = device else { return }
        // The shell gets a terminal without mouse reporting while we are stopped.
        setMouseReporting(false)
        endwin()
        // Stop with the default action (ncurses' own SIGTSTP handler would redraw by itself).
        let previousHandler = signal(SIGTSTP, SIG_DFL)
        // This thread may block SIGTSTP (threads started by Foundation block most signals):
        // unblock it here, so `raise` stops the process before it returns instead of leaving
        // the signal pending until ncurses resets the handler and it is lost.
        var stopSignal = sigset_t()
        var previousMask = sigset_t()
        sigemptyset(&stopSignal)
        sigaddset(&stopSignal, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &stopSignal, &previousMask)
        raise(SIGTSTP)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        // The shell resumed us (SIGCONT): the size may have changed while stopped.
        signal(SIGTSTP, previousHandler)
        var rows: Int32 = 0
        var columns: Int32 = 0
        if tm_tty_size(outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0 {
            resize_term(rows, columns)
        }
        clearok(window, true)
        setMouseReporting(reportsMouse)
        previousFrame = nil
    }

    /// Resizes the ncurses screen as KEY_RESIZE would (used by tests of the headless device).
    func resize(to newSize: Size) {
        guard screen != nil else { return }
        resize_term(Int32(max(1, newSize.height)), Int32(max(1, newSize.width)))
        previousFrame = nil
    }
}

/// Why the terminal could not be taken over.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpenTerminal
    case notATerminal
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .cannotOpenTerminal: return "cannot open the terminal (/dev/tty)"
        case .notATerminal:
            return "the interactive UI needs a terminal, and there is none (no /dev/tty; stdin or stdout is not one); scripts use the subcommands: tokenman --help"
        case .unknownTerminal(let name): return "unknown terminal type \"\(name)\" (check TERM)"
        }
    }
}
