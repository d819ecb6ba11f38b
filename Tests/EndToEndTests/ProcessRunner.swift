import Foundation

/// Runs the built `tokenman` as a real process: posix_spawn with its own session (so it has no
/// controlling terminal even when the tests run in one: prompts must fail, not hang), a given
/// environment only, optional stdin, and stdout/stderr captured separately.
///
/// The one "run a process to completion" helper of these tests. It is async: the child may run
/// for seconds, and the poll/read/waitpid loop runs on a thread of its own (`BlockingWork`), never
/// on the cooperative pool that every other test of the process shares.
enum ProcessRunner {
    struct Result: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout without its final newline.
        var output: String { stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout }
        var lines: [String] { output.isEmpty ? [] : output.components(separatedBy: "\n") }
        var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil, timeout: TimeInterval = 30) async throws -> Result {
        try await run(executable: try BuiltProducts.tokenman(), arguments: arguments, environment: environment, stdin: stdin, timeout: timeout)
    }

    static func run(executable: String, arguments: [String], environment: [String: String], stdin: String?, timeout: TimeInterval) async throws -> Result {
        try await BlockingWork.run {
            try runBlocking(executable: executable, arguments: arguments, environment: environment, stdin: stdin, timeout: timeout)
        }
    }

    /// Spawns, feeds stdin, drains both pipes and reaps the child; blocks the calling thread.
    private static func runBlocking(executable: String, arguments: [String], environment: [String: String], stdin: String?, timeout: TimeInterval) throws -> Result {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        // Close-on-exec: tests run in parallel, and a process another test spawns meanwhile (a
        // tmux server lives for many seconds) must not inherit these pipes and hold them open.
        // The dup2 actions below clear the flag on the child's 0, 1 and 2.
        // (pipe2 is a GNU extension Swift does not import; fcntl right after leaves a tiny window.)
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw Failure(description: "pipe failed")
        }
        for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdin != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26+; 0x80, not imported because it is a GNU extension).
        posix_spawnattr_setflags(&attributes, Int16(0x80))

        let argv = [executable] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, &cArguments, &cEnvironment)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw Failure(description: "cannot start \(executable) (errno \(spawned))")
        }
        if let stdin {
            var bytes = Array(stdin.utf8)
            _ = bytes.withUnsafeMutableBytes { write(inPipe[1], $0.baseAddress, $0.count) }
        }
        close(inPipe[1])
        let (stdout, stderr, timedOut) = drain(outPipe[0], errPipe[0], deadline: Date().addingTimeInterval(timeout))
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if timedOut { throw Failure(description: "tokenman \(arguments.joined(separator: " ")) timed out; stderr: \(stderr)") }
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, stdout: stdout, stderr: stderr)
    }

    /// Reads both pipes until both close (poll, so a full stderr pipe cannot stall stdout).
    private static func drain(_ out: Int32, _ err: Int32, deadline: Date) -> (String, String, Bool) {
        var buffers: [Int32: [UInt8]] = [out: [], err: []]
        var open: Set<Int32> = [out, err]
        var chunk = [UInt8](repeating: 0, count: 65536)
        var timedOut = false
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { timedOut = true; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &chunk, chunk.count)
                if count > 0 {
                    buffers[entry.fd, default: []].append(contentsOf: chunk[0..<count])
                } else {
                    open.remove(entry.fd)
                }
            }
        }
        close(out); close(err)
        return (String(decoding: buffers[out] ?? [], as: UTF8.self), String(decoding: buffers[err] ?? [], as: UTF8.self), timedOut)
    }
}
