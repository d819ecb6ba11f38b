import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The key tables drive matching, the footer and help; these check the README says the same.
@Suite("Key bindings as data")
struct KeyBindingTests {
    /// `r / R` → "`r` / `R`": each key in backticks, a lone "/" between keys kept as text.
    static func markdown(_ label: String) -> String {
        let parts = label.split(separator: " ").map(String.init)
        guard parts.count > 1 else { return "`\(label)`" }
        return parts.map { $0 == "/" ? $0 : "`\($0)`" }.joined(separator: " ")
    }

    static func readmeRows() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(of: "| keys | account list |") else { return [] }
        return Array(lines[(header + 2)...].prefix { $0.hasPrefix("|") })
    }

    @Test func readmeTableIsTheAccountListsHelp() throws {
        let expected = AccountListKeys.bindings.helpRows().map { "| \(Self.markdown($0.key)) | \($0.action) |" }
        #expect(try Self.readmeRows() == expected)
    }

    @Test func footerAndHelpComeFromTheTable() {
        var model = Fixture.model()
        #expect(AppView.hints(model).map(\.key) == ["l", "r", "c", "x", "Enter", "?", "q", "R", "/", "s", "f", "p", "a", "e", "d"])
        #expect(HelpScreen.overlay.sections[0].bindings == AccountListKeys.bindings.helpRows())
        // Every key with a footer hint does what the table says.
        _ = Fixture.keys(&model, .character("?"))
        #expect(model.overlay == .help)
    }

    @Test func everyKeyIsBoundOnce() {
        let keys = AccountListKeys.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
        let detailKeys = DetailKeys.bindings.flatMap(\.keys)
        #expect(Set(detailKeys).count == detailKeys.count)
    }
}
