import Foundation

/// Drives a real program inside a detached tmux session on a private tmux server, the way a
/// person would: type keys, read the screen. Each session gets its own `-L` socket so tests
/// run in parallel and never touch a developer's own tmux.
///
/// Everything that waits is async: `waitFor` sleeps with `Task.sleep` between polls, and each
/// tmux client call runs on a thread of its own (`BlockingWork`). The tests share the cooperative
/// pool (one thread per core) with every other test of the process; a test holding a pool thread
/// for its whole run would stall them. Only `kill()` is synchronous, for `defer` and `deinit`.
final class TmuxSession: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let socketName: String
    /// The server's socket lives in a directory of its own (`-S`), not in the shared
    /// `/tmp/tmux-UID`, so nothing else can remove it and orphan the server.
    let socketDirectory: String
    let sessionName = "e2e"

    /// Starts `command` (argv, quoted for the shell tmux uses) in a `width`x`height` pane.
    init(command: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30) async throws {
        socketName = "tokenman-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        socketDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(socketName).path
        try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        var args = ["-f", "/dev/null", "new-session", "-d", "-s", sessionName, "-x", "\(width)", "-y", "\(height)"]
        var env = environment
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        env["LC_ALL"] = env["LC_ALL"] ?? "C.UTF-8"
        for (key, value) in env.sorted(by: { $0.key < $1.key }) {
            args += ["-e", "\(key)=\(value)"]
        }
        // Keep the pane after the program exits so its last screen and exit status can be read.
        args.append(command.map(Self.shellQuote).joined(separator: " ") + "; echo \"[exit $?]\"; sleep 30")
        // The tmux server daemonizes from this call and inherits its file descriptors: give it no
        // pipes, or reading them would wait for the server to exit.
        try await run(args, capture: false)
        try await run(["set-option", "-g", "set-clipboard", "on"])
    }

    deinit {
        _ = try? runBlocking(["kill-server"])
        try? FileManager.default.removeItem(atPath: socketDirectory)
    }

    /// Synchronous so `defer` and `deinit` can use it; a single kill-server is a short client
    /// call, unlike the polling and waiting that must not hold a pool thread.
    func kill() {
        _ = try? runBlocking(["kill-server"])
    }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) async throws {
        try await run(["send-keys", "-t", sessionName, "-l", text])
    }

    /// Sends tmux key names: "Enter", "Escape", "Tab", "BTab", "Up", "C-c", "q"…
    func press(_ keys: String...) async throws {
        try await run(["send-keys", "-t", sessionName] + keys)
    }

    /// Sends `bytes` to the program as the terminal would (`send-keys -H`): raw escape
    /// sequences such as xterm mouse reports, which no tmux key name produces.
    func sendBytes(_ bytes: [UInt8]) async throws {
        try await run(["send-keys", "-t", sessionName, "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// A tmux format evaluated for the pane, e.g. `#{mouse_sgr_flag}`.
    func display(_ format: String) async throws -> String {
        try await run(["display-message", "-p", "-t", sessionName, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The visible screen as text lines.
    func screen() async throws -> String {
        try await run(["capture-pane", "-p", "-t", sessionName])
    }

    /// The visible screen with its colours as SGR escape sequences (`capture-pane -e`).
    func styledScreen() async throws -> String {
        try await run(["capture-pane", "-e", "-p", "-t", sessionName])
    }

    /// Where the terminal cursor is (0-based column and row), for "the cursor is on the
    /// focused field" checks.
    func cursor() async throws -> (x: Int, y: Int)? {
        let text = try await run(["display-message", "-p", "-t", sessionName, "#{cursor_x},#{cursor_y}"])
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    func resize(width: Int, height: Int) async throws {
        try await run(["resize-window", "-t", sessionName, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program the pane's shell started (the shell runs `command; echo …`, so
    /// the program is its child), for signals a key cannot send (SIGQUIT, SIGTERM).
    func programPID() async throws -> pid_t {
        let text = try await run(["display-message", "-p", "-t", sessionName, "#{pane_pid}"])
        guard let shell = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "no pane pid in \"\(text)\"")
        }
        guard let child = Self.children(of: shell).first else {
            throw Failure(description: "the pane's shell \(shell) has no child process")
        }
        return child
    }

    /// Processes whose parent is `parent`, read from /proc/PID/stat.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm) ": state, then ppid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
            return pid
        }
    }

    /// tmux's most recent paste buffer (where an OSC 52 copy lands with set-clipboard on).
    func pasteBuffer() async throws -> String {
        try await run(["show-buffer"])
    }

    /// Polls the screen until `predicate` holds; fails with the last screen after `timeout`.
    /// A capture can land while tmux is still taking in a frame the program wrote in several
    /// pieces (the first rows new, the rest old or blank), so a match is captured once more a
    /// moment later and that later screen is returned when it still matches; the first is
    /// returned only when the state it matched has already gone (a transient message).
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if predicate(last) {
                try await Task.sleep(for: .milliseconds(40))
                let settled = try await screen()
                return predicate(settled) ? settled : last
            }
            // Task.sleep, not Thread.sleep: the pool thread is free for other tests meanwhile.
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out waiting for \(what); screen was:\n\(last)")
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 15) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Runs tmux with posix_spawn and waitpid. Foundation's `Process` is not used: on Linux its
    /// `waitUntilExit` also waits for descendants holding its internal descriptors, and the
    /// tmux server that `new-session` daemonizes lives until the session ends.
    /// The client usually answers within milliseconds, but on a loaded machine it can take much
    /// longer, and `waitFor` calls it ten times a second: it runs on a thread of its own.
    @discardableResult
    private func run(_ args: [String], capture: Bool = true) async throws -> String {
        try await BlockingWork.run { try self.runBlocking(args, capture: capture) }
    }

    /// One tmux client call; blocks the calling thread until tmux exits.
    @discardableResult
    private func runBlocking(_ args: [String], capture: Bool = true) throws -> String {
        let argv = ["tmux", "-S", socketDirectory + "/socket"] + args
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // Nothing else may leak into tmux: a daemonized tmux server would keep another test's
        // capture pipe open (its reader never sees EOF) and the in-process simulators' sockets
        // (a dropped connection would never look closed to the client).
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        // Test threads run with signals blocked; a tmux server (and the program in its pane)
        // inheriting that mask would ignore the SIGHUP of kill-server and outlive the test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw Failure(description: "cannot start tmux (errno \(spawned))") }
        var output = [UInt8]()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status >> 8) & 0xff
        guard status & 0x7f == 0, exitCode == 0 else {
            throw Failure(description: "tmux \(args.first ?? "") exited with status \(exitCode)")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
    /// does not import; looked up at run time.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    private static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
