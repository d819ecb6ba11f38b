import AuthEngine
import Foundation
import TestSupport
import Testing

/// The UI knows providers only as data (`ProviderDefinition`): no built-in provider's id or
/// name appears in the app or the terminal library, in code or comments, so a provider's rules
/// cannot creep back into a screen as a special case.
@Suite struct ProviderNeutralityTests {
    @Test(arguments: ["TokenManager", "TerminalUI"])
    func noBuiltInProviderIsNamed(module: String) throws {
        let names = ProviderDefinition.builtIns.flatMap { [$0.id, $0.displayName.split(separator: " ").first.map(String.init) ?? $0.id] }
            .map { $0.lowercased() }
        #expect(names.contains("wikimedia"), "the built-in list was not read")
        // Whole words: "aws" (AWS Cognito) is not found in "draws".
        let patterns = try names.map { (name: $0, regex: try Regex("\\b\($0)\\b")) }
        let (files, found) = try ProjectSources.lint(module: module) { text, file in
            let text = text.lowercased()
            return patterns.filter { text.contains($0.regex) }.map { "\(file): \($0.name)" }
        }
        #expect(files > 10, "\(module) sources not found")
        #expect(found.isEmpty, "\(found)")
    }
}
