import Foundation

/// Finds the executables SwiftPM built next to the test bundle (`tokenman`, `StoreCrashWriter`).
/// `TOKENMAN_TEST_BINARY` names another `tokenman`: CI runs this suite a second time against the
/// release build, the binary people install (`swift test` alone only ever builds debug code).
enum BuiltProducts {
    static func tokenman() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["TOKENMAN_TEST_BINARY"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw TmuxSession.Failure(description: "TOKENMAN_TEST_BINARY=\(explicit) is not an executable")
            }
            return URL(fileURLWithPath: explicit).standardizedFileURL.path
        }
        return try executable("tokenman")
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
