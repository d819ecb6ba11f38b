import Foundation
import Testing

/// The list's paging and match keys in the real binary at 80x24 (20 table rows, so half a
/// page is 10): Ctrl-D/Ctrl-U scroll the view with the selection, n/N step through the
/// filter's matches wrapping around, and a filter that matches nothing says so.
@Suite("TUI list keys in tmux", .endToEndSlot)
struct TuiListKeysTests {
    static let accounts = (0..<60).map { TuiFixture.Account(name: String(format: "acct-%02d", $0), provider: .starship, username: "demo") }

    /// The first table row (below the header) and the title line.
    static func firstRow(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.count > 2 ? lines[2].trimmingCharacters(in: .whitespaces) : ""
    }

    /// The details screen names its account at the right of the title line.
    func selected(_ fixture: TuiFixture) async throws -> String {
        try await fixture.session.press("Enter")
        let screen = try await fixture.session.waitFor("the details screen") { !$0.contains("accounts · by") }
        try await fixture.session.press("Escape")
        try await fixture.session.waitFor(text: "NAME")
        let title = screen.split(separator: "\n").first.map(String.init) ?? ""
        return title.split(separator: " ").last.map(String.init) ?? ""
    }

    /// The SGR attributes (1 bold, 4 underline, …; colours skipped) set by the escape sequences
    /// right before the first `text` in a `capture-pane -e` screen.
    static func attributes(before text: String, in styled: String) -> Set<Int> {
        guard let range = styled.range(of: text) else { return [] }
        var prefix = Substring(styled[..<range.lowerBound])
        var attributes: Set<Int> = []
        while prefix.hasSuffix("m"), let start = prefix.range(of: "\u{1B}[", options: .backwards) {
            let params = prefix[start.upperBound..<prefix.index(before: prefix.endIndex)].split(separator: ";").compactMap { Int($0) }
            var index = 0
            while index < params.count {
                if params[index] == 38 || params[index] == 48 {
                    index += params.count > index + 1 && params[index + 1] == 2 ? 5 : 3
                    continue
                }
                attributes.insert(params[index])
                index += 1
            }
            prefix = prefix[..<start.lowerBound]
        }
        return attributes
    }

    @Test func ctrlDAndCtrlUPageHalfAScreen() async throws {
        let fixture = try await TuiFixture(accounts: Self.accounts, width: 80, height: 24)
        try await fixture.session.press("C-d")
        var screen = try await fixture.session.waitFor("half a page down") { Self.firstRow($0).hasPrefix("acct-10 ") }
        #expect(try await selected(fixture) == "acct-10")
        try await fixture.session.press("C-d", "C-d", "C-d")
        screen = try await fixture.session.waitFor("the last page") { Self.firstRow($0).hasPrefix("acct-40 ") && $0.contains("acct-59") }
        #expect(!screen.contains("acct-39"))
        #expect(try await selected(fixture) == "acct-40")
        try await fixture.session.press("C-u")
        try await fixture.session.waitFor("half a page up") { Self.firstRow($0).hasPrefix("acct-30 ") }
        #expect(try await selected(fixture) == "acct-30")
        try await fixture.session.press("C-n", "C-n", "C-p")
        #expect(try await selected(fixture) == "acct-31")
    }

    @Test func nAndShiftNWrapThroughTheMatches() async throws {
        let fixture = try await TuiFixture(accounts: Self.accounts, width: 80, height: 24)
        try await fixture.session.press("/")
        try await fixture.session.type("acct-1")
        try await fixture.session.press("Enter")
        try await fixture.session.waitFor(text: "10 of 60 accounts")
        #expect(try await selected(fixture) == "acct-10")
        try await fixture.session.press("N")
        #expect(try await selected(fixture) == "acct-19")
        try await fixture.session.press("n")
        #expect(try await selected(fixture) == "acct-10")
        try await fixture.session.press("n", "n")
        #expect(try await selected(fixture) == "acct-12")
        // The match is drawn bold and underlined (SGR 1 and 4) in the name.
        let styled = try await fixture.session.styledScreen()
        #expect(Self.attributes(before: "acct-1\u{1B}[0m", in: styled).isSuperset(of: [1, 4]), "\(styled)")

        try await fixture.session.press("Escape", "/")
        try await fixture.session.type("zzz")
        try await fixture.session.press("Enter", "c")
        let screen = try await fixture.session.waitFor(text: "no account matches the filter; Esc clears it")
        #expect(screen.contains("0 of 60 accounts"))
    }
}
