import Foundation

/// The project's `Sources`, for the lint tests that check every file of it.
public enum ProjectSources {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Runs `check(text, path)` on every Swift file under `Sources` (or its `module` folder;
    /// `path` relative to that): how many files were read (a test checks the directory was
    /// found) and everything found.
    public static func lint(module: String? = nil, _ check: (String, String) throws -> [String]) throws -> (files: Int, found: [String]) {
        let root = module.map { directory.appendingPathComponent($0) } ?? directory
        let files = FileManager.default.enumerator(atPath: root.path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        var found: [String] = []
        for file in files {
            found += try check(try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8), file)
        }
        return (files.count, found)
    }
}
