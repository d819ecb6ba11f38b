import Foundation

/// A `moto` server (a local AWS implementation with a real Cognito user-pool API) on a free
/// loopback port, started and stopped by the test that needs it.
///
/// moto is required, not optional: when it is missing, `start()` throws a message saying how to
/// install it, so the test fails instead of silently skipping the Cognito proof.
/// Spawning and reaping happen on a thread of their own (never the cooperative pool); readiness
/// is polled with async sleeps, bounded.
public final class MotoServer: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let port: Int
    public let endpoint: String
    private let pid: pid_t
    private let logPath: String
    private let stopped = StopFlag()

    private init(port: Int, pid: pid_t, logPath: String) {
        self.port = port
        self.pid = pid
        self.logPath = logPath
        endpoint = "http://127.0.0.1:\(port)"
    }

    /// Starts moto and waits (at most `readinessTimeout`) until it answers a Cognito call.
    public static func start(readinessTimeout: TimeInterval = 60) async throws -> MotoServer {
        // The free port is found by binding and closing it; a test running in parallel can take
        // it before moto binds it. Then try another port (a bounded number of times).
        var attempt = 1
        while true {
            do {
                return try await startOnce(readinessTimeout: readinessTimeout)
            } catch let failure as Failure where failure.description.contains("Address already in use") && attempt < 5 {
                attempt += 1
            }
        }
    }

    private static func startOnce(readinessTimeout: TimeInterval) async throws -> MotoServer {
        let python = try findPython()
        let port = try freeLoopbackPort()
        let logPath = NSTemporaryDirectory() + "moto-\(getpid())-\(port).log"
        let pid = try await spawn(python, ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], log: logPath)
        let server = MotoServer(port: port, pid: pid, logPath: logPath)
        let admin = MotoCognitoAdmin(endpoint: server.endpoint)
        let deadline = Date().addingTimeInterval(readinessTimeout)
        while true {
            if await admin.isReady() { return server }
            if server.hasExited() || Date() > deadline {
                let log = server.logTail()
                await server.stop()
                if log.contains("No module named") {
                    throw Failure(description: "moto is not installed for \(python): pip install 'moto[server]' (\(log))")
                }
                throw Failure(description: "moto did not become ready on port \(port): \(log)")
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
    }

    /// Runs `body` with a fresh moto and stops it afterwards, also when `body` throws.
    public static func with<Value: Sendable>(_ body: (MotoServer) async throws -> Value) async throws -> Value {
        let moto = try await start()
        do {
            let value = try await body(moto)
            await moto.stop()
            return value
        } catch {
            await moto.stop()
            throw error
        }
    }

    /// Kills moto and reaps it (on a thread of its own).
    public func stop() async {
        guard stopped.set() else { return }
        let pid = pid
        await Self.onThread {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    deinit {
        // A test that failed before `stop()` must not leave moto running; SIGKILL does not block.
        if stopped.set() {
            kill(pid, SIGKILL)
            let pid = pid
            Thread { var status: Int32 = 0; _ = waitpid(pid, &status, 0) }.start()
        }
    }

    private func hasExited() -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid
    }

    private func logTail() -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(3)
        return lines.isEmpty ? "no output" : lines.joined(separator: " | ")
    }

    // MARK: Process plumbing

    private static func findPython() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "python3 not found on PATH; moto needs it (pip install 'moto[server]')")
    }

    /// A port the kernel just handed out; moto binds it a moment later (a tiny race a retry
    /// of the whole test would survive, far smaller than a fixed port's).
    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed (errno \(errno))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "cannot bind a loopback port (errno \(errno))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func spawn(_ executable: String, _ arguments: [String], log: String) async throws -> pid_t {
        let result: Result<pid_t, Failure> = await onThread {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            let argv = [executable] + arguments
            var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            defer { cArguments.forEach { free($0) } }
            var pid: pid_t = 0
            let status = posix_spawn(&pid, executable, &actions, nil, &cArguments, environ)
            guard status == 0 else { return .failure(Failure(description: "cannot start \(executable) (errno \(status))")) }
            return .success(pid)
        }
        return try result.get()
    }

    private static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}

/// Set once; tells `stop()` and `deinit` which of them kills the process.
private final class StopFlag: @unchecked Sendable {
    // @unchecked: `done` is only touched while `lock` is held.
    private let lock = NSLock()
    private var done = false

    /// True the first time only.
    func set() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}
