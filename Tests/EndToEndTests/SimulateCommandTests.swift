import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `tokenman simulate` as a person runs it: start it, read the banner, walk requests over HTTP.
@Suite("tokenman simulate", .endToEndSlot)
struct SimulateCommandTests {
    @Test func servesAllFourProvidersOnTheAnnouncedPort() async throws {
        let server = try await RunningSimulator(arguments: ["--port", "0", "--access-ttl", "120", "--refresh-ttl", "600"])
        defer { server.signal() }
        let base = "http://127.0.0.1:\(server.port)"
        #expect(server.banner.contains("\(base)/exabits/api/v1/"))
        #expect(server.banner.contains("newbie / temp-pass-5"))

        let byte = try await postJSON("\(base)/bytefederal/auth", #"{"user_name":"demo","password":"demo-pass-1"}"#)
        #expect(byte.status == 200)
        #expect(byte.json["token_type"] as? String == "bearer")
        let access = try #require(byte.json["access_token"] as? String)
        let claims = try jwtClaims(access)
        let iat = try #require(claims["iat"] as? Int)
        let exp = try #require(claims["exp"] as? Int)
        #expect(exp - iat == 120)

        // md5("demo-pass-2")
        let exa = try await postJSON("\(base)/exabits/api/v1/authenticate/login",
                                     #"{"username":"demo","password":"c9d598880c6869a199f0b46d64abcf44"}"#)
        #expect(exa.status == 200)
        #expect(exa.json["status"] as? Bool == true)

        let star = try await postJSON("\(base)/starship/auth/login", #"{"username":"demo","password":"nope"}"#)
        #expect(star.status == 401)
        #expect(star.json["error"] as? String == "unauthorized")

        let wiki = try await postJSON("\(base)/wikimedia/v1/login", #"{"username":"newbie","password":"temp-pass-5"}"#)
        #expect(wiki.status == 200)
        #expect(wiki.json["challenge_name"] as? String == "NEW_PASSWORD_REQUIRED")
        #expect(wiki.json["access_token"] == nil)
        // Waits for the exit, as the defer (which cannot await) does not.
        try await server.terminate()
    }

    @Test func stopsCleanlyOnSigterm() async throws {
        let server = try await RunningSimulator(arguments: ["--port", "0"])
        #expect(try await server.terminate() == 0)
    }

    @Test(arguments: [["--port", "70000"], ["--access-ttl", "0"], ["--refresh-ttl", "-5"], ["--port", "abc"]])
    func rejectsBadFlags(_ arguments: [String]) async throws {
        let result = try await ProcessRunner.run(["simulate"] + arguments, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error:"))
        #expect(result.stdout.isEmpty)
    }

    private func postJSON(_ url: String, _ body: String) async throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (status, json)
    }

    private func jwtClaims(_ token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        var payload = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while payload.count % 4 != 0 { payload += "=" }
        let data = try #require(Data(base64Encoded: payload))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// `tokenman simulate` running as a child process, with its banner read from stdout.
///
/// Reading the banner blocks, so it runs on a thread of its own (`BlockingWork`); waiting for
/// the exit polls. Neither holds a cooperative-pool thread other tests need.
private final class RunningSimulator: @unchecked Sendable {
    let process = Process()
    let port: Int
    let banner: String

    init(arguments: [String]) async throws {
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.tokenman())
        process.arguments = ["simulate"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = await BlockingWork.run { Self.readBanner(from: out.fileHandleForReading.fileDescriptor, seconds: 10) }
        banner = text
        guard let range = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression),
              let port = Int(text[range].split(separator: ":").last ?? "") else {
            process.terminate()
            throw TmuxSession.Failure(description: "no port in simulator banner: \(text)")
        }
        self.port = port
    }

    /// Reads stdout until the banner's last line ("Ctrl-C"), EOF or the deadline.
    private static func readBanner(from fd: Int32, seconds: TimeInterval) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: bytes, as: UTF8.self).contains("Ctrl-C") {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { break }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sends SIGTERM without waiting; for `defer`, where nothing can be awaited.
    func signal() {
        if process.isRunning { process.terminate() }
    }

    /// Sends SIGTERM and waits for the exit status. Polls with `Task.sleep`: Foundation's
    /// `waitUntilExit` blocks (on a thread without a run loop it even spins a core), and a
    /// simulator that ignores the signal must fail the test, not hang the run.
    @discardableResult
    func terminate(within seconds: TimeInterval = 10) async throws -> Int32 {
        signal()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline {
                kill(process.processIdentifier, SIGKILL)
                throw TmuxSession.Failure(description: "tokenman simulate still running \(Int(seconds)) s after SIGTERM")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }
}
