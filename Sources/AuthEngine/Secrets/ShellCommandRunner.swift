import CheckedNumbers
import FoundationEssentials
import PlatformSupport
import Glibc

/// What a finished (or stopped) shell command left behind.
struct ShellCommandResult: Sendable {
    enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed by us after the deadline.
        case timedOut
    }

    var termination: Termination
    var standardOutput: Data
    var standardError: Data
}

struct ShellCommandFailure: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Runs `/bin/sh -c COMMAND` with stdin from /dev/null and both outputs captured, killing the
/// whole process group at the deadline.
///
/// Why posix_spawn rather than Foundation.Process: the child is put in its own process group,
/// so a timeout also kills what the shell started (`pass` -> `gpg` -> `pinentry`), and a
/// grandchild still holding the pipes open cannot make us wait forever. Nothing secret goes
/// into argv or the environment: the command text is configuration, the secret comes back on
/// the stdout pipe only.
enum ShellCommandRunner {
    /// Output beyond this is read and dropped: a secret is one line.
    static let outputLimit = 64 * 1024

    static func run(_ command: String, timeout: TimeInterval) async -> Result<ShellCommandResult, ShellCommandFailure> {
        await withCheckedContinuation { continuation in
            // Blocking poll/waitpid work belongs on its own thread, not the cooperative pool.
            let started = DetachedThread.start(name: "tokenman.cmd") {
                continuation.resume(returning: runBlocking(command, timeout: timeout))
            }
            if started != 0 { continuation.resume(returning: .failure(ShellCommandFailure("cannot start a thread"))) }
        }
    }

    static func runBlocking(_ command: String, timeout: TimeInterval) -> Result<ShellCommandResult, ShellCommandFailure> {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard CloseOnExecPipe.make(&outPipe) else { return .failure(ShellCommandFailure("pipe: \(currentErrnoDescription())")) }
        guard CloseOnExecPipe.make(&errPipe) else {
            close(outPipe[0]); close(outPipe[1])
            return .failure(ShellCommandFailure("pipe: \(currentErrnoDescription())"))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        )

        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawnStatus = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawnStatus == 0 else {
            return .failure(ShellCommandFailure("cannot start /bin/sh: \(String(cString: strerror(spawnStatus)))"))
        }

        let deadline = Date().addingTimeInterval(timeout)
        var output = Data()
        var errors = Data()
        var open: [Int32: Bool] = [outPipe[0]: true, errPipe[0]: true]
        var timedOut = false
        var chunk = [UInt8](repeating: 0, count: 4096)

        while open.values.contains(true) {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { timedOut = true; break }
            var fds = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: Int(clamping: min(remaining * 1000, 1000), rounding: .up)))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 { open[entry.fd] = false; continue }
                if entry.fd == outPipe[0] {
                    if output.count < outputLimit { output.append(contentsOf: chunk[0..<count]) }
                } else if errors.count < outputLimit {
                    errors.append(contentsOf: chunk[0..<count])
                }
            }
        }

        // The outputs are closed; the shell may still be running (it closed them itself).
        var status: Int32 = 0
        while !timedOut {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { return .failure(ShellCommandFailure("waitpid: \(currentErrnoDescription())")) }
            if Date() >= deadline { timedOut = true; break }
            usleep(5_000)
        }
        if timedOut {
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return .success(ShellCommandResult(termination: .timedOut, standardOutput: Data(), standardError: errors))
        }
        let termination: ShellCommandResult.Termination
        if status & 0x7f == 0 {
            termination = .exited((status >> 8) & 0xff)
        } else {
            termination = .signalled(status & 0x7f)
        }
        return .success(ShellCommandResult(termination: termination, standardOutput: output, standardError: errors))
    }
}
