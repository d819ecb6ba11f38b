import PlatformSupport
import AuthEngine
import Foundation
import Synchronization
import Testing
import TerminalUI
@testable import TokenManager

/// Ctrl-D/U, Ctrl-N/P, n/N and the filter's highlight; a list of 100,000 accounts draws only
/// the rows on screen.
@Suite struct AccountListKeysTests {
    static func model(accounts count: Int, height: Int = 24) -> AppModel {
        let providers = ["exabits", "wikimedia", "byteconnect", "starship"]
        let accounts = (0..<count).map { index in
            AccountConfig(name: String(format: "acct-%06d", index), providerID: providers[index % providers.count], username: "user\(index)")
        }
        var model = AppModel(accounts: accounts, now: Fixture.t0)
        model.timeZone = .utc
        model.size = Size(width: 80, height: height)
        return model
    }

    /// A message of three status rows takes two rows from the list: 40x12 leaves 7 body rows,
    /// a header and 6 table rows, so PgDn moves 5 and the selection stays on screen. (Paging
    /// counted with a one-row status line moved 7, below the last drawn row.)
    @Test func pagingCountsTheRowsALongStatusMessageTakes() {
        var model = Self.model(accounts: 40, height: 12)
        model.size = Size(width: 40, height: 12)
        model.setStatus(String(repeating: "a long message about what happened ", count: 4), role: .warning)
        _ = Fixture.keys(&model, .pageDown)
        #expect(model.selectedAccount?.name == "acct-000005")
        let lines = AppView.render(model, now: model.now, size: model.size).lines
        #expect(lines.contains { $0.contains("acct-000005") })
    }

    /// 80x24: 21 body rows, a header, 20 table rows; half a page is 10.
    @Test func ctrlDAndCtrlUMoveHalfAPageAndScrollWithIt() {
        var model = Self.model(accounts: 60)
        _ = Fixture.keys(&model, .control("d"))
        #expect(model.selectedAccount?.name == "acct-000010")
        #expect(model.list.scrollOffset == 10)
        _ = Fixture.keys(&model, .control("d"), .control("d"), .control("d"))
        // The view stops at the last page (offset 40); the selection goes on to the end.
        #expect(model.list.scrollOffset == 40)
        #expect(model.selectedAccount?.name == "acct-000040")
        _ = Fixture.keys(&model, .control("d"), .control("d"))
        #expect(model.selectedAccount?.name == "acct-000059")
        _ = Fixture.keys(&model, .control("u"))
        #expect(model.selectedAccount?.name == "acct-000049")
        #expect(model.list.scrollOffset == 30)
        let lines = Fixture.render(model, width: 80, height: 24).lines
        #expect(lines[2].hasPrefix("  acct-000030"))
    }

    @Test func ctrlNAndCtrlPMoveOneRow() {
        var model = Self.model(accounts: 5)
        _ = Fixture.keys(&model, .control("n"), .control("n"))
        #expect(model.selectedAccount?.name == "acct-000002")
        _ = Fixture.keys(&model, .control("p"))
        #expect(model.selectedAccount?.name == "acct-000001")
    }

    @Test func nAndShiftNStepThroughMatchesWrappingAround() {
        var model = Self.model(accounts: 30)
        _ = Fixture.keys(&model, .character("/"))
        Fixture.type(&model, "acct-00001")
        _ = Fixture.keys(&model, .enter)
        #expect(model.list.rows.count == 10)
        #expect(model.selectedAccount?.name == "acct-000010")
        _ = Fixture.keys(&model, .character("N"))
        #expect(model.selectedAccount?.name == "acct-000019")
        _ = Fixture.keys(&model, .character("n"))
        #expect(model.selectedAccount?.name == "acct-000010")
        _ = Fixture.keys(&model, .character("n"), .character("n"))
        #expect(model.selectedAccount?.name == "acct-000012")
    }

    @Test func nWithoutAFilterSaysHowToSetOne() {
        var model = Self.model(accounts: 3)
        _ = Fixture.keys(&model, .character("n"))
        #expect(model.status?.text == "no filter set; press / to filter")
        #expect(model.selectedAccount?.name == "acct-000000")
    }

    @Test func keysThatNeedAnAccountSayTheFilterMatchesNothing() {
        for key: Key in [.character("c"), .enter, .character("l"), .character("r"), .character("x"), .character("e"), .character("n")] {
            var model = Fixture.model()
            _ = Fixture.keys(&model, .character("/"))
            Fixture.type(&model, "zzz")
            _ = Fixture.keys(&model, .enter)
            #expect(Fixture.keys(&model, key).isEmpty)
            #expect(model.status?.text == "no account matches the filter; Esc clears it", "\(key)")
            #expect(model.overlay == nil && model.screen == .accounts)
        }
        // Without a filter, an empty list still asks for an account first.
        var empty = AppModel(accounts: [], now: Fixture.t0)
        _ = Fixture.keys(&empty, .enter)
        #expect(empty.status?.text == "no account selected; press a to add one")
    }

    /// The filter's text is drawn bold and underlined in NAME, PROVIDER and USER, where it is
    /// on screen (display columns, after wide characters), also on the selected row.
    @Test func matchesAreHighlightedWhileAFilterIsSet() {
        var model = Fixture.model()
        model.accounts.append(AccountConfig(name: "東京-bob", providerID: "exabits", username: "BOBBY"))
        _ = Fixture.keys(&model, .character("/"))
        Fixture.type(&model, "bo")
        let canvas = Fixture.render(model)
        let lines = canvas.lines
        #expect(lines[3].hasPrefix("  shop          ByteConnect bob"))
        #expect(lines[4].hasPrefix("  東京-bob      Exabits     BOBBY"))
        func highlighted(_ y: Int) -> String {
            var text = ""
            for x in 0..<canvas.size.width where canvas[x: x, y: y].attributes.contains([.bold, .underline]) && !canvas[x: x, y: y].isContinuation {
                text.append(canvas[x: x, y: y].character)
            }
            return text
        }
        #expect(highlighted(3) == "bo")        // user "bob" (selected row)
        #expect(highlighted(4) == "boBO")      // name after two wide characters, and user
        #expect(canvas[x: 7, y: 4].attributes.contains(.underline))  // "b" of 東京-bob: column 2, then 2+2+1
        _ = Fixture.keys(&model, .escape)
        let cleared = Fixture.render(model)
        #expect((0..<cleared.size.width).allSatisfy { !cleared[x: $0, y: 3].attributes.contains(.underline) })
    }

    /// 100,000 accounts: the frame is right at both ends of the list, and building it asks the
    /// table for the rows on screen only.
    @Test func aHundredThousandAccountsDrawOnlyTheRowsOnScreen() {
        var model = Self.model(accounts: 100_000)
        func render() -> (lines: [String], rowsBuilt: Int) {
            let built = Mutex(0)
            var table = AccountListScreen.table(model, now: Fixture.t0)
            let provide = table.row
            table.row = { index in
                built.withLock { $0 += 1 }
                return provide(index)
            }
            var canvas = Canvas(size: Size(width: 80, height: 21))
            table.render(into: &canvas, in: canvas.bounds)
            return (canvas.lines, built.withLock { $0 })
        }
        var frame = render()
        #expect(frame.rowsBuilt == 20)
        #expect(frame.lines[1].hasPrefix("  acct-000000 "))
        #expect(frame.lines[20].hasPrefix("  acct-000019 "))
        #expect(Fixture.render(model, width: 80, height: 24).lines[0].hasSuffix("100000 accounts · by name "))
        _ = Fixture.keys(&model, .character("G"))
        frame = render()
        #expect(frame.rowsBuilt == 20)
        #expect(frame.lines[20].hasPrefix("  acct-099999 "))
        #expect(model.selectedAccount?.name == "acct-099999")
        _ = Fixture.keys(&model, .character("/"))
        Fixture.type(&model, "user99999")
        frame = render()
        #expect(frame.rowsBuilt == 1)
        #expect(frame.lines[1].hasPrefix("  acct-099999 "))
    }
}
