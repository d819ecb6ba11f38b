import Foundation

/// Finds the `tokenman` executable SwiftPM built next to the test bundle, or the one named by
/// `TOKENMAN_TEST_BINARY`: CI runs this suite a second time against the release build, the
/// binary people install (`swift test` alone only ever builds debug code).
enum BuiltProducts {
    static func tokenman() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["TOKENMAN_TEST_BINARY"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw TmuxSession.Failure(description: "TOKENMAN_TEST_BINARY=\(explicit) is not an executable")
            }
            return URL(fileURLWithPath: explicit).standardizedFileURL.path
        }
        var candidates: [URL] = []
        let bundleDir = Bundle.main.bundleURL
        candidates.append(bundleDir.appendingPathComponent("tokenman"))
        candidates.append(bundleDir.deletingLastPathComponent().appendingPathComponent("tokenman"))
        let argv0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("tokenman"))
        candidates.append(argv0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tokenman"))
        for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
            return url.standardizedFileURL.path
        }
        throw TmuxSession.Failure(description: "tokenman executable not found near \(bundleDir.path)")
    }
}
