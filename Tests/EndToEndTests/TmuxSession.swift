import Foundation

/// Drives a real program inside a detached tmux session on a private tmux server, the way a
/// person would: type keys, read the screen. Each session gets its own `-L` socket so tests
/// run in parallel and never touch a developer's own tmux.
final class TmuxSession: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let socketName: String
    let sessionName = "e2e"

    /// Starts `command` (argv, quoted for the shell tmux uses) in a `width`x`height` pane.
    init(command: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30) throws {
        socketName = "tokenman-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
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
        try run(args, capture: false)
        try run(["set-option", "-g", "set-clipboard", "on"])
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    func kill() {
        _ = try? run(["kill-server"])
    }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", sessionName, "-l", text])
    }

    /// Sends tmux key names: "Enter", "Escape", "Tab", "BTab", "Up", "C-c", "q"…
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", sessionName] + keys)
    }

    /// The visible screen as text lines.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", sessionName])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", sessionName, "-x", "\(width)", "-y", "\(height)"])
    }

    /// tmux's most recent paste buffer (where an OSC 52 copy lands with set-clipboard on).
    func pasteBuffer() throws -> String {
        try run(["show-buffer"])
    }

    /// Polls the screen until `predicate` holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(description: "timed out waiting for \(what); screen was:\n\(last)")
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 15) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Runs tmux with posix_spawn and waitpid. Foundation's `Process` is not used: on Linux its
    /// `waitUntilExit` also waits for descendants holding its internal descriptors, and the
    /// tmux server that `new-session` daemonizes lives until the session ends.
    @discardableResult
    private func run(_ args: [String], capture: Bool = true) throws -> String {
        let argv = ["tmux", "-L", socketName] + args
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
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, environ)
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

    private static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
