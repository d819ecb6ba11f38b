import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// `q` quits from the list only; from details and help it goes back (issue 12).
@Suite("q in sub-screens")
struct SubScreenQuitKeyTests {
    @Test func qInDetailsGoesBackToTheList() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .enter)
        guard case .detail = model.screen else { Issue.record("details did not open"); return }
        let commands = Fixture.keys(&model, .character("q"))
        #expect(commands.isEmpty)
        #expect(model.screen == .accounts)
    }

    @Test func qInHelpClosesIt() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .enter, .character("?"))
        #expect(model.overlay == .help)
        #expect(Fixture.keys(&model, .character("q")).isEmpty)
        #expect(model.overlay == nil)
        guard case .detail = model.screen else { Issue.record("help left details"); return }
    }

    @Test func ctrlCInDetailsStillQuits() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .enter)
        #expect(Fixture.keys(&model, .control("c")).contains(.quit))
    }
}
