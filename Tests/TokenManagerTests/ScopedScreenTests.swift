import AuthEngine
import Testing
import TerminalUI
@testable import TokenManager

/// The list's and the details screen's own updates: they change only their state and say
/// what they want of the app in an outcome.
@Suite struct ScopedScreenTests {
    let context = AccountListContext(entries: Fixture.model().storedEntries, bodyHeight: 6)

    func makeList() -> AccountListState {
        AccountListState(accounts: [Fixture.wikimedia, Fixture.byteConnect, Fixture.exabits], tokens: Fixture.storedTokens)
    }

    @Test func listMovesInItsOwnStateAndNamesTheSelectedAccountForActions() {
        var list = makeList()
        // Sorted by name: gpu, prod-wme, shop.
        #expect(AccountListScreen.update(&list, key: .down, context: context) == .stay)
        #expect(list.selectedName == "prod-wme")
        #expect(AccountListScreen.update(&list, key: .character("r"), context: context) == .act(.refresh, Fixture.wikimedia))
        #expect(AccountListScreen.update(&list, key: .character("R"), context: context) == .refreshAll)
        #expect(AccountListScreen.update(&list, key: .character("q"), context: context) == .quit)
    }

    @Test func listSortsItselfAndAsksForTheStatusLine() {
        var list = makeList()
        #expect(AccountListScreen.update(&list, key: .character("s"), context: context) == .status("sorted by soonest expiry", .statusBar))
        #expect(list.sortOrder == .expiry)
    }

    @Test func emptyListAsksForAnAccountFirst() {
        var list = AccountListState()
        let empty = AccountListContext(entries: [], bodyHeight: 6)
        #expect(AccountListScreen.update(&list, key: .enter, context: empty) == .status("no account selected; press a to add one", .warning))
        #expect(AccountListScreen.update(&list, key: .character("c"), context: empty) == .stay)
        #expect(AccountListScreen.update(&list, key: .character("a"), context: empty) == .addAccount)
    }

    @Test func detailScrollsWithinItsLinesAndAsksForTheRest() {
        var screen = DetailScreen(account: "prod-wme")
        let context = DetailContext(lineCount: 10, bodyHeight: 4)
        #expect(screen.update(key: .character("G"), context: context) == .stay)
        #expect(screen.scroll == 6)
        #expect(screen.update(key: .down, context: context) == .stay)
        #expect(screen.scroll == 6)
        #expect(screen.update(key: .character("r"), context: context) == .stay)
        #expect(screen.isRevealed)
        #expect(screen.update(key: .character("c"), context: context) == .copy)
        #expect(screen.update(key: .escape, context: context) == .back)
    }
}
