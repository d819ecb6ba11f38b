#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with `posix_spawnp`: optional bytes on its stdin, its stdout
/// (and optionally stderr) collected. Blocking: call it off the cooperative pool. This is what
/// Foundation's `Process`/`Pipe` did for the clipboard tools, without linking Foundation
/// (issue 13).
public enum ChildProcess {
    public struct Outcome: Sendable, Equatable {
        /// The exit status, 128 + the signal for a killed child, -1 when it could not be started.
        public var status: Int32
        /// stdout (and stderr when asked), empty unless collected.
        public var output: [UInt8]
    }

    /// Runs `program` (a path, or a name looked up through `PATH`) with `arguments`.
    /// `collectOutput`: read stdout until end of file before waiting (else stdout goes to
    /// /dev/null, so a clipboard tool's background server holds no pipe of ours).
    /// `includeErrors`: stderr goes where stdout goes, else to /dev/null.
    public static func run(
        _ program: String, _ arguments: [String], input: [UInt8]?, collectOutput: Bool, includeErrors: Bool = false
    ) -> Outcome {
        var inputPipe: [Int32] = [-1, -1]
        var outputPipe: [Int32] = [-1, -1]
        if input != nil, !CloseOnExecPipe.make(&inputPipe) { return Outcome(status: -1, output: []) }
        if collectOutput, !CloseOnExecPipe.make(&outputPipe) {
            closeAll(inputPipe)
            return Outcome(status: -1, output: [])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], STDIN_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        }
        if collectOutput {
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        if includeErrors {
            posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        }

        // The UI thread blocks the termination signals (they are read on a thread of their
        // own); a child must start with none blocked and default actions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        // Our copies of the child's ends.
        if input != nil { close(inputPipe[0]) }
        if collectOutput { close(outputPipe[1]) }
        guard spawned == 0 else {
            if input != nil { close(inputPipe[1]) }
            if collectOutput { close(outputPipe[0]) }
            return Outcome(status: -1, output: [])
        }

        if let input {
            writeIgnoringBrokenPipe(inputPipe[1], input)
            close(inputPipe[1])
        }
        var output: [UInt8] = []
        if collectOutput {
            output = DescriptorIO.readAll(outputPipe[0]).bytes
            close(outputPipe[0])
        }
        return Outcome(status: wait(for: pid), output: output)
    }

    private static func closeAll(_ descriptors: [Int32]) {
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }

    /// Writes all of `bytes`, stopping quietly if the child closed its stdin. SIGPIPE is blocked
    /// on this thread for the write, and a pending one consumed, so a child that exits early
    /// cannot kill the process.
    private static func writeIgnoringBrokenPipe(_ descriptor: Int32, _ bytes: [UInt8]) {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        let brokenPipe = DescriptorIO.writeAll(descriptor, bytes) == EPIPE
        if brokenPipe {
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            while sigtimedwait(&pipeSignal, nil, &none) == SIGPIPE {}
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are C macros Swift does not import.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
