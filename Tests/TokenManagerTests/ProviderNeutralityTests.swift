import AuthEngine
import Foundation
import Testing

/// The UI knows providers only as data (`ProviderDefinition`): no built-in provider's id or
/// name appears in the app or the terminal library, in code or comments, so a provider's rules
/// cannot creep back into a screen as a special case.
@Suite struct ProviderNeutralityTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    @Test(arguments: ["TokenManager", "TerminalUI"])
    func noBuiltInProviderIsNamed(module: String) throws {
        let names = ProviderDefinition.builtIns.flatMap { [$0.id, $0.displayName.split(separator: " ").first.map(String.init) ?? $0.id] }
            .map { $0.lowercased() }
        #expect(names.contains("wikimedia"), "the built-in list was not read")
        let directory = Self.sources.appendingPathComponent(module)
        let files = FileManager.default.enumerator(atPath: directory.path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 10, "\(module) sources not found")
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8).lowercased()
            // Whole words: "aws" (AWS Cognito) is not found in "draws".
            for name in names where text.contains(try Regex("\\b\(name)\\b")) { found.append("\(file): \(name)") }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
