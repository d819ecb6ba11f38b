import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

@Suite("Account list view")
struct AccountListViewTests {
    @Test func listAtT0ShowsCountdowns() {
        let canvas = Fixture.render(Fixture.model())
        #expect(canvas.lines == [
            " tokenman                                          3 accounts · by name ",
            "  NAME ▲        PROVIDER    USER     STATE               ACCESS  REFRESH",
            "  gpu           Exabits     carol    logged out               —        —",
            "  prod-wme      Wikimedia   alice    valid                15:00   90d 0h",
            "  shop          ByteConnect bob      valid                 1:40   15d 0h",
            "                                                                        ",
            "                                                                        ",
            "l login  r refresh  c copy  x logout  Enter details  q quit  ? more     ",
        ])
    }

    @Test func countdownsTickFromNowAlone() {
        var model = Fixture.model()
        _ = AppUpdate.update(&model, .ticked(Fixture.t0 + 65))
        let canvas = Fixture.render(model, now: Fixture.t0 + 65)
        #expect(Array(canvas.lines[3...4]) == [
            "  prod-wme      Wikimedia   alice    valid                13:55  89d 23h",
            "  shop          ByteConnect bob      valid                 0:35  14d 23h",
        ])
    }

    @Test func urgencyRoles() {
        let model = Fixture.model()
        let shop = Fixture.byteConnect
        #expect(AccountListScreen.row(for: shop, in: model, now: Fixture.t0).access == Countdown(text: "1:40", role: .warning))
        #expect(AccountListScreen.row(for: shop, in: model, now: Fixture.t0 + 65).access == Countdown(text: "0:35", role: .danger))
        #expect(AccountListScreen.row(for: shop, in: model, now: Fixture.t0 + 100).access == Countdown(text: "expired", role: .danger))
        #expect(AccountListScreen.row(for: Fixture.wikimedia, in: model, now: Fixture.t0).access.role == .success)
        // Under 20% of a one-hour lifetime is a warning even with 10 minutes left.
        #expect(Countdown.of(expiry: Fixture.t0 + 600, lifetime: 3600, now: Fixture.t0).role == .warning)
        #expect(Countdown.of(expiry: Fixture.t0 + 600, lifetime: 900, now: Fixture.t0).role == .success)
        let never = TokenSet(accessToken: "t", accessExpirySource: .never, refreshExpirySource: .never, obtainedAt: Fixture.t0)
        #expect(Countdown.access(never.expiry, now: Fixture.t0) == Countdown(text: "never", role: .success))
        // The role is drawn in the ACCESS cell of an unselected row.
        let canvas = Fixture.render(model)
        let x = canvas.lines[4].distance(from: canvas.lines[4].startIndex, to: canvas.lines[4].range(of: "1:40")?.lowerBound ?? canvas.lines[4].startIndex)
        #expect(canvas[x: x, y: 4].character == "1")
        #expect(canvas[x: x, y: 4].role == .warning)
        #expect(canvas[x: x + 3, y: 4].role == .warning)
    }

    @Test func clockFormats() {
        #expect(Countdown.clock(42) == "0:42")
        #expect(Countdown.clock(41.2) == "0:42")
        #expect(Countdown.clock(14 * 60 + 55) == "14:55")
        #expect(Countdown.clock(3723) == "1:02:03")
        #expect(Countdown.clock(90 * 86_400 - 1) == "89d 23h")
        #expect(Countdown.relative(Fixture.t0 + 720, now: Fixture.t0) == "in 12m")
        #expect(Countdown.relative(Fixture.t0 - 180, now: Fixture.t0) == "expired 3m ago")
    }

    @Test func filterIsLiveAndEscClearsIt() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("/"))
        Fixture.type(&model, "sh")
        let canvas = Fixture.render(model)
        #expect(Array(canvas.lines[0...3]) == [
            " tokenman                                     1 of 3 accounts · by name ",
            "/ sh                                                                    ",
            "  NAME ▲        PROVIDER    USER     STATE               ACCESS  REFRESH",
            "  shop          ByteConnect bob      valid                 1:40   15d 0h",
        ])
        #expect(model.selectedAccount?.name == "shop")
        _ = Fixture.keys(&model, .escape)
        #expect(model.list.filter.isEmpty)
        #expect(!model.list.isEditingFilter)
        #expect(model.list.visibleAccounts.count == 3)
    }

    @Test func filterKeptWithEnterThenNavigation() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("/"), .character("a"), .enter)
        #expect(model.list.visibleAccounts.map(\.name) == ["gpu", "prod-wme"])  // carol, alice
        _ = Fixture.keys(&model, .character("j"))
        #expect(model.selectedAccount?.name == "prod-wme")
    }

    @Test func sortTogglesToSoonestExpiry() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("s"))
        #expect(model.list.visibleAccounts.map(\.name) == ["shop", "prod-wme", "gpu"])
        #expect(Fixture.render(model).lines[0].hasSuffix("3 accounts · by expiry "))
        _ = Fixture.keys(&model, .character("s"))
        #expect(model.list.visibleAccounts.map(\.name) == ["gpu", "prod-wme", "shop"])
    }

    @Test func selectionFollowsTheAccountWhenSorting() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("G"))
        #expect(model.selectedAccount?.name == "shop")
        _ = Fixture.keys(&model, .character("s"))
        #expect(model.selectedAccount?.name == "shop")
        #expect(model.list.selectedIndex == 0)
    }

    @Test func requestInFlightShowsSpinnerAndState() {
        var model = Fixture.model()
        _ = AppUpdate.update(&model, .schedulerReported(.started(account: "prod-wme", path: .refresh)))
        let line = Fixture.render(model).lines[3]
        #expect(line.contains("refreshing"))
        #expect(Spinner.brailleFrames.contains(line.first ?? " "))
        _ = AppUpdate.update(&model, .schedulerReported(.failed(account: "prod-wme", error: .serverError(status: 503, message: ""), retryAt: Fixture.t0 + 5)))
        #expect(Fixture.render(model).lines[3] == "  prod-wme      Wikimedia   alice    error                15:00   90d 0h")
        _ = Fixture.keys(&model, .character("j"))
        #expect(Fixture.render(model).lines[6] == " prod-wme: The provider failed (HTTP 503). Retrying in 5s.              ")
    }
}
