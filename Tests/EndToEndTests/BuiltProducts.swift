import Foundation

/// Finds the executables SwiftPM built next to the test bundle (`tokenman`, `StoreCrashWriter`).
enum BuiltProducts {
    static func tokenman() throws -> String {
        try executable("tokenman")
    }

    static func executable(_ name: String) throws -> String {
        var candidates: [URL] = []
        let bundleDir = Bundle.main.bundleURL
        candidates.append(bundleDir.appendingPathComponent(name))
        candidates.append(bundleDir.deletingLastPathComponent().appendingPathComponent(name))
        let argv0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent(name))
        candidates.append(argv0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(name))
        for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
            return url.standardizedFileURL.path
        }
        throw TmuxSession.Failure(description: "\(name) executable not found near \(bundleDir.path)")
    }
}
