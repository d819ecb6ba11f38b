import Testing
@testable import AuthEngine

/// Parses config text as the loader reads a file shown as `displayPath`, so a test states
/// only the text and what must come of it.
struct ConfigTextParser {
    var displayPath: String
    var loader = ConfigLoader(environment: ["HOME": "/home/alice"])

    func parse(_ text: String) throws(ConfigError) -> TokenmanConfig {
        try loader.parse(text, displayPath: displayPath)
    }

    /// The text must be refused with exactly `expected` (path, line, field and reason).
    func expectError(_ text: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(text)
            Issue.record("expected an error: \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == expected, sourceLocation: sourceLocation)
        }
    }
}

/// A config text the loader must refuse, and the whole message it must refuse it with: one
/// argument of a parameterised test.
struct RejectedConfig: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var message: String

    init(_ name: String, _ text: String, _ message: String) {
        self.name = name
        self.text = text
        self.message = message
    }

    var testDescription: String { name }
}
