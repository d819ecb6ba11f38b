import Foundation
@testable import AuthEngine

/// A fresh directory under /tmp, removed when the value is released.
final class ScratchDirectory: @unchecked Sendable {
    let path: String

    init() {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("tokenman-state-\(UUID().uuidString)")
        // 0700 like a real state directory: the store refuses one that others can read.
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        path = base
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A clock the test moves by hand.
func permissions(of path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

/// Runs a program to completion and returns its exit status and stdout.
@discardableResult
func runProgram(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

let referenceDate = Date(timeIntervalSince1970: 1_750_000_000)

func sampleTokens(_ access: String = "access-1", refresh: String? = "refresh-1", obtainedAt: Date = referenceDate,
                  accessLifetime: TimeInterval = 900, refreshLifetime: TimeInterval? = 7200) -> TokenSet {
    TokenSet(
        accessToken: access,
        refreshToken: refresh,
        accessExpiresAt: obtainedAt + accessLifetime,
        refreshExpiresAt: refreshLifetime.map { obtainedAt + $0 },
        accessExpirySource: .expiresIn,
        refreshExpirySource: refreshLifetime == nil ? .unknown : .documentedLifetime,
        obtainedAt: obtainedAt
    )
}

/// Runs `body` on `count` real threads and waits for all of them, without blocking the
/// cooperative pool (file locks and waitpid block their thread).
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) async {
    await withTaskGroup(of: Void.self) { group in
        for index in 0..<count {
            group.addTask {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    Thread { body(index); continuation.resume() }.start()
                }
            }
        }
    }
}

func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}
