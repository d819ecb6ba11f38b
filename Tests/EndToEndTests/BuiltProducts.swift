import Foundation

/// Finds the `tokenman` executable SwiftPM built next to the test bundle.
enum BuiltProducts {
    static func tokenman() throws -> String {
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
