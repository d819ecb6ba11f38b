import PlatformSupport
import AuthEngine
import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The activity log (`L`) and the details screen's last and next automatic renewal.
@Suite struct ActivityLogTests {
    static func renewed(_ account: String, at time: Date) -> TokenSet {
        TokenSet(accessToken: "fresh-access-SECRET", refreshToken: "fresh-refresh-SECRET",
                 accessExpiresAt: time + 600, accessExpirySource: .expiresIn, obtainedAt: time)
    }

    static func send(_ model: inout AppModel, _ messages: AppMessage...) {
        for message in messages { _ = AppUpdate.update(&model, message) }
    }

    static func logLines(_ model: AppModel) -> [String] {
        var model = model
        model.screen = .activityLog(ActivityLogScreen())
        return AppView.render(model, now: model.now, size: model.size).lines.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func everyKindOfEventIsLoggedNewestFirstWithoutSecrets() {
        var model = Fixture.model()
        model.size = Size(width: 140, height: 20)
        Self.send(&model, .schedulerReported(.started(account: "prod-wme", path: .refresh)))
        Self.send(&model, .schedulerReported(.finished(account: "prod-wme", tokens: Self.renewed("prod-wme", at: Fixture.t0))))
        model.now = Fixture.t0 + 5
        Self.send(&model, .loginFinished(account: "gpu", requestID: 1, .success(.loggedIn(Self.renewed("gpu", at: Fixture.t0 + 5)))))
        Self.send(&model, .loginFinished(account: "shop", requestID: 2, .failure(.wrongCredentials("Incorrect username or password."))))
        model.now = Fixture.t0 + 10
        _ = Fixture.keys(&model, .character("j"), .character("c"), .enter)  // copy prod-wme's access token
        Self.send(&model, .copyFinished(.copied(label: "access token")))
        model.now = Fixture.t0 + 20
        Self.send(&model, .clipboardCleared(.cleared))
        Self.send(&model, .schedulerReported(.failed(account: "shop", error: .unreachable("connection refused"), retryAt: Fixture.t0 + 25)))
        Self.send(&model, .logoutFinished(account: "gpu", error: nil))

        let entries = model.activityLog.newestFirst
        #expect(entries.map(\.kind) == [.logout, .failure, .clear, .copy, .failure, .login, .renewal])
        #expect(entries.map(\.account) == ["gpu", "shop", "prod-wme", "prod-wme", "shop", "gpu", "prod-wme"])
        let lines = Self.logLines(model)
        #expect(lines[1] == "Activity · newest first · 7 entries")
        #expect(lines[2] == "22:13:40  gpu       logged out; tokens forgotten")
        #expect(lines[5] == "22:13:30  prod-wme  copied access token")
        #expect(lines[8] == "22:13:20  prod-wme  renewed automatically")
        #expect(lines.contains { $0.hasPrefix("22:13:40  shop      automatic renewal failed:") && $0.contains("Retrying at 22:13:45.") })
        #expect(lines.contains { $0.hasPrefix("22:13:25  shop      login failed: Incorrect username or password.") })
        let text = lines.joined(separator: "\n")
        #expect(!text.contains("SECRET"))
        #expect(!text.contains(Fixture.jwt.prefix(20)))
    }

    @Test(arguments: [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 35)])
    func theLogFitsEverySize(size: Size) {
        var model = Fixture.model()
        model.size = size
        for index in 0..<50 { model.activityLog.append(.renewal, "renewed automatically \(index)", account: "prod-wme", at: Fixture.t0 + Double(index)) }
        let lines = Self.logLines(model)
        #expect(lines.count == size.height)
        #expect(lines[1].hasPrefix("Activity · newest first · 50 entries".prefix(size.width - 1)))
        #expect(lines[2].hasPrefix(String("22:14:09  prod-wme  renewed automatically".prefix(size.width - 1))))
        // Every row between the header and the status line is an entry, newest first.
        #expect(lines[2..<(size.height - 2)].allSatisfy { $0.hasPrefix("22:1") && $0.contains("prod-wme") })
        #expect(AppView.hints({ var m = model; m.screen = .activityLog(ActivityLogScreen()); return m }()).first?.key == "↑↓")
    }

    @Test func theLogKeepsTheLastThousandEntries() {
        var log = ActivityLog()
        for index in 0..<1_005 { log.append(.copy, "copy \(index)", account: "a", at: Fixture.t0 + Double(index)) }
        #expect(log.entries.count == ActivityLog.capacity)
        #expect(log.newestFirst.first?.text == "copy 1004")
        #expect(log.newestFirst.last?.text == "copy 5")
    }

    @Test func capitalLOpensTheLogWhichScrollsAndGoesBackWithQOrEsc() {
        var model = Fixture.model()
        model.size = Size(width: 60, height: 8)
        for index in 0..<20 { model.activityLog.append(.renewal, "renewed \(index)", account: "gpu", at: Fixture.t0) }
        _ = Fixture.keys(&model, .character("L"))
        #expect(model.screen == .activityLog(ActivityLogScreen()))
        var lines = Self.logLines(model)
        #expect(lines[2].hasSuffix("renewed 19"))
        _ = Fixture.keys(&model, .character("j"), .down, .pageDown)
        guard case .activityLog(let scrolled) = model.screen else { Issue.record("left the log"); return }
        #expect(scrolled.scroll == 5)
        var shown = model
        shown.screen = .activityLog(scrolled)
        lines = AppView.render(shown, now: shown.now, size: shown.size).lines
        #expect(lines[2].contains("renewed 14"))
        _ = Fixture.keys(&model, .character("G"))
        guard case .activityLog(let bottom) = model.screen else { return }
        #expect(bottom.scroll == 20 - 4)
        _ = Fixture.keys(&model, .character("q"))
        #expect(model.screen == .accounts)
        _ = Fixture.keys(&model, .character("L"), .escape)
        #expect(model.screen == .accounts)
        #expect(AppView.hints({ var m = model; m.screen = .activityLog(ActivityLogScreen()); return m }()).map(\.key) == ["↑↓", "Esc", "?"])
    }

    @Test func anEmptyLogSaysWhatWillShowUp() {
        var model = Fixture.model()
        model.screen = .activityLog(ActivityLogScreen())
        let lines = Fixture.render(model).lines
        #expect(lines[1].hasPrefix("Activity · newest first · 0 entries"))
        #expect(lines[2].hasPrefix("Nothing yet: logins, renewals, failures, copies and clears show up"))
    }

    static func renewalLines(_ model: AppModel, _ account: String) -> [String] {
        DetailScreen.lines(DetailScreen(account: account), model: model, now: model.now)
            .map(\.text).filter { $0.hasPrefix("Last renewal") || $0.hasPrefix("Next renewal") }
    }

    @Test func detailsShowTheLastAndNextAutomaticRenewal() {
        var model = Fixture.model()
        // On the details screen, whose tokens follow the renewals and the login below.
        Fixture.openDetails(&model, "prod-wme")
        // prod-wme: obtained t0-60, expires t0+900; lead 120 s: due at t0+780.
        #expect(Self.renewalLines(model, "prod-wme") == [
            "Last renewal   never this session",
            "Next renewal   2023-11-14 22:26:20 UTC (in 13m)",
        ])
        let fresh = Self.renewed("prod-wme", at: Fixture.t0)
        Self.send(&model, .schedulerReported(.finished(account: "prod-wme", tokens: fresh)))
        // 600 s of life, lead 120 s: due at t0+480.
        #expect(Self.renewalLines(model, "prod-wme") == [
            "Last renewal   2023-11-14 22:13:20 UTC (automatic)",
            "Next renewal   2023-11-14 22:21:20 UTC (in 8m)",
        ])
        // A failure's backoff pushes the next one back; the scheduler's own rule.
        Self.send(&model, .schedulerReported(.failed(account: "prod-wme", error: .unreachable("down"), retryAt: Fixture.t0 + 700)))
        #expect(Self.renewalLines(model, "prod-wme")[1] == "Next renewal   2023-11-14 22:25:00 UTC (in 11m)")
        #expect(DetailScreen.nextAutomaticRenewal(
            account: Fixture.wikimedia, tokens: fresh, automatic: ActivityLog.AutomaticRenewal(), lead: 120, now: Fixture.t0 + 500,
            timeZone: model.timeZone).text == "due now")
        Self.send(&model, .schedulerReported(.needsLogin(account: "prod-wme", reason: "The password is typed in at each login.")))
        #expect(Self.renewalLines(model, "prod-wme")[1] == "Next renewal   none until you log in: The password is typed in at each login.")
        // A login (new tokens) starts the scheduler over for the account.
        Self.send(&model, .loginFinished(account: "prod-wme", requestID: 9, .success(.loggedIn(fresh))))
        #expect(Self.renewalLines(model, "prod-wme")[1] == "Next renewal   2023-11-14 22:21:20 UTC (in 8m)")
        // The lead is the configured one.
        model.refreshLead = 300
        #expect(Self.renewalLines(model, "prod-wme")[1] == "Next renewal   2023-11-14 22:18:20 UTC (in 5m)")
    }
}
