import Foundation
import Testing

/// A small run of the SIGKILL crash test (`Tests/Stress/store-crash.sh` runs 500): a process
/// writing the token store through the real `TokenStore` is killed at random moments among its
/// writes; after each kill the store holds the old or the new tokens of every account and the
/// next write leaves no temp file behind (`StoreCrashWriter check`).
@Suite("Token store survives SIGKILL", .endToEndSlot)
struct StoreCrashTests {
    static let kills = 25

    @Test func killedWritersLeaveOldOrNewTokensAndNoLeftovers() async throws {
        let writer = try BuiltProducts.executable("StoreCrashWriter")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenman-crash-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/state", log = directory + "/log"
        var killedMidWrite = 0
        for round in 1...Self.kills {
            let before = Self.doneCount(log)
            var pid: pid_t = 0
            let arguments = [writer, "write", state, log, "4"]
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let spawned = posix_spawn(&pid, writer, nil, nil, &argv, environ)
            try #require(spawned == 0, "cannot start \(writer)")
            // Until this run has finished a write (bounded), then a random moment among writes.
            var polls = 0
            while Self.doneCount(log) <= before, polls < 1000 {
                try await Task.sleep(for: .milliseconds(5))
                polls += 1
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0..<15)))
            kill(pid, SIGKILL)
            let child = pid
            await BlockingWork.run {
                var status: Int32 = 0
                while waitpid(child, &status, 0) == -1 && errno == EINTR {}
            }
            if Self.lastLineIsBegin(log) { killedMidWrite += 1 }
            let check = try await ProcessRunner.run(executable: writer, arguments: ["check", state, log], environment: [:], stdin: nil, timeout: 30)
            #expect(check.status == 0, "after kill \(round): \(check.stderr)")
            if check.status != 0 { return }
        }
        // Most kills must land inside a write, or this would test process start-up instead.
        #expect(killedMidWrite > Self.kills / 2)
    }

    static func doneCount(_ log: String) -> Int {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix("done ") }.count
    }

    static func lastLineIsBegin(_ log: String) -> Bool {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").last?.hasPrefix("begin ") == true
    }
}
