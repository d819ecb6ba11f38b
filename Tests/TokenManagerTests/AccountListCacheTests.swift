import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The list's cached rows (`AccountListRows`) follow every change of what they are derived
/// from: config, tokens, filter and sort. After each step the cached order must equal one
/// built from scratch.
@Suite struct AccountListCacheTests {
    /// The shown names, checked against a list built afresh from the model.
    static func names(_ model: AppModel, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        var fresh = AccountListState(accounts: model.accounts, entries: model.storedEntries, catalog: model.catalog)
        fresh.sort(by: model.list.sortOrder, entries: model.storedEntries)
        fresh.filter = model.list.filter
        let cached = model.list.visibleAccounts.map(\.name)
        #expect(cached == fresh.visibleAccounts.map(\.name), "the cached rows are stale", sourceLocation: sourceLocation)
        return cached
    }

    static func tokens(expiringAt instant: Date) -> TokenSet {
        TokenSet(accessToken: "a", refreshToken: "r", accessExpiresAt: instant, refreshExpiresAt: instant + 86_400,
                 accessExpirySource: .expiresIn, refreshExpirySource: .documentedLifetime, obtainedAt: Fixture.t0)
    }

    @Test func aRenewalThatChangesTheExpiryMovesTheRowUnderExpirySort() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("s"))
        #expect(Self.names(model) == ["shop", "prod-wme", "gpu"])
        _ = AppUpdate.update(&model, .refreshFinished(account: "shop", .success(Self.tokens(expiringAt: Fixture.t0 + 3600))))
        #expect(Self.names(model) == ["prod-wme", "shop", "gpu"])
        // The scheduler's renewals too, and a login of an account that had no tokens.
        _ = AppUpdate.update(&model, .schedulerReported(.finished(account: "gpu", tokens: Self.tokens(expiringAt: Fixture.t0 + 60))))
        #expect(Self.names(model) == ["gpu", "prod-wme", "shop"])
        _ = AppUpdate.update(&model, .logoutFinished(account: "gpu", error: nil))
        #expect(Self.names(model) == ["prod-wme", "shop", "gpu"])
    }

    @Test func aStoreReadingReSortsUnderExpirySortAndMovesNothingUnderNameSort() {
        var model = Fixture.model()
        var reading = Fixture.storedTokens
        reading["gpu"] = Self.tokens(expiringAt: Fixture.t0 + 10)
        _ = AppUpdate.update(&model, .storeReloaded(.success(Fixture.reading(reading))))
        #expect(Self.names(model) == ["gpu", "prod-wme", "shop"])
        _ = Fixture.keys(&model, .character("s"))
        #expect(Self.names(model) == ["gpu", "shop", "prod-wme"])
        reading["gpu"] = nil
        reading["prod-wme"] = Self.tokens(expiringAt: Fixture.t0 + 1)
        _ = AppUpdate.update(&model, .storeReloaded(.success(Fixture.reading(reading))))
        #expect(Self.names(model) == ["prod-wme", "shop", "gpu"])
    }

    /// Tokens changed while sorted by name are applied when the sort switches to expiry.
    @Test func tokensChangedUnderNameSortCountWhenSortingByExpiry() {
        var model = Fixture.model()
        _ = AppUpdate.update(&model, .refreshFinished(account: "prod-wme", .success(Self.tokens(expiringAt: Fixture.t0 + 5))))
        #expect(Self.names(model) == ["gpu", "prod-wme", "shop"])
        _ = Fixture.keys(&model, .character("s"))
        #expect(Self.names(model) == ["prod-wme", "shop", "gpu"])
    }

    /// Two token changes before one message (outside `AppUpdate`): the whole order is rebuilt,
    /// not just the account the message names.
    @Test func severalTokenChangesRebuildTheExpiryOrder() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("s"))
        model.setTokens(Self.tokens(expiringAt: Fixture.t0 + 1), of: "gpu")
        _ = AppUpdate.update(&model, .refreshFinished(account: "shop", .success(Self.tokens(expiringAt: Fixture.t0 + 7200))))
        #expect(Self.names(model) == ["gpu", "prod-wme", "shop"])
    }

    @Test func aSavedConfigReSortsAndKeepsTheSelectionByName() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("G"))
        #expect(model.selectedAccount?.name == "shop")
        let added = AccountConfig(name: "aaa", providerID: "exabits", username: "zed")
        model.accounts.append(added)
        #expect(Self.names(model) == ["aaa", "gpu", "prod-wme", "shop"])
        #expect(model.selectedAccount?.name == "shop")
        #expect(model.list.selectedIndex == 3)
        #expect(model.account(named: "aaa") == added)
        model.accounts.removeAll { $0.name == "shop" }
        #expect(Self.names(model) == ["aaa", "gpu", "prod-wme"])
        #expect(model.account(named: "shop") == nil)
    }

    @Test func namesSortNaturally() {
        let accounts = ["acct-10", "acct-9", "Acct-100", "acct-1"].map { AccountConfig(name: $0, providerID: "exabits") }
        let model = AppModel(accounts: accounts, now: Fixture.t0)
        #expect(Self.names(model) == ["acct-1", "acct-9", "acct-10", "Acct-100"])
    }

    @Test func filterEditsNarrowAndWidenTheRows() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("/"), .character("p"))
        #expect(Self.names(model) == ["gpu", "prod-wme", "shop"])
        _ = Fixture.keys(&model, .character("r"))
        #expect(Self.names(model) == ["prod-wme"])
        _ = Fixture.keys(&model, .backspace)
        #expect(Self.names(model) == ["gpu", "prod-wme", "shop"])
        // Provider id, provider name and user are searched too, in any case.
        _ = Fixture.keys(&model, .backspace)
        Fixture.type(&model, "BYTE")
        #expect(Self.names(model) == ["shop"])
        _ = Fixture.keys(&model, .control("u"))
        Fixture.type(&model, "Carol")
        #expect(Self.names(model) == ["gpu"])
        #expect(model.selectedAccount?.name == "gpu")
        _ = Fixture.keys(&model, .escape)
        #expect(Self.names(model) == ["gpu", "prod-wme", "shop"])
        #expect(model.selectedAccount?.name == "gpu")
    }

    @Test func haystackSearchMatchesSubstringsOfEveryField() {
        let accounts = [
            AccountConfig(name: "Ünïcode-Name", providerID: "exabits", username: "ÅSA"),
            AccountConfig(name: "plain", providerID: "wikimedia", username: nil),
        ]
        let haystacks = FilterHaystacks(accounts: accounts, catalog: ProviderCatalog())
        #expect(haystacks.matches(FilterHaystacks.needle(of: " ünï "), in: accounts, among: 0..<2) == [true, false])
        #expect(haystacks.matches(FilterHaystacks.needle(of: "åsa"), in: accounts, among: 0..<2) == [true, false])
        #expect(haystacks.matches(FilterHaystacks.needle(of: "WIKI"), in: accounts, among: 0..<2) == [false, true])
        #expect(haystacks.matches(FilterHaystacks.needle(of: "plainx"), in: accounts, among: 0..<2) == [false, false])
        // Only the candidates are searched.
        #expect(haystacks.matches(FilterHaystacks.needle(of: "a"), in: accounts, among: [1]) == [false, true])
        #expect(FilterHaystacks.highlightRanges(of: "a", in: "bAnana") == [1..<2, 3..<4, 5..<6])
        #expect(FilterHaystacks.highlightRanges(of: "ünï", in: "Ünïcode") == [0..<3])
    }
}
