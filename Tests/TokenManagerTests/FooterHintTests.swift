import Foundation
import Testing
import TerminalUI
@testable import TokenManager

/// The footer shows the keys that fit and ends with `? more` when some do not (issue 12).
@Suite("Footer hints")
struct FooterHintTests {
    static func footer(_ model: AppModel, width: Int) -> String {
        let canvas = AppView.render(model, now: Fixture.t0, size: Size(width: width, height: 12))
        return canvas.lines[11].trimmingCharacters(in: .whitespaces)
    }

    @Test func listFooterEndsWithMoreWhenKeysAreLeftOut() {
        let model = Fixture.model()
        #expect(Self.footer(model, width: 120)
            == "l login  r refresh  c copy  x logout  Enter details  q quit  R refresh all  / filter  s sort  f forgot pw  ? more")
        #expect(Self.footer(model, width: 80) == "l login  r refresh  c copy  x logout  Enter details  q quit  ? more")
        #expect(Self.footer(model, width: 200).hasSuffix("? help  q quit  R refresh all  / filter  s sort  f forgot pw  p change pw  a add  e edit  d delete"))
    }

    @Test func formsNeverPointToQuestionMark() {
        var model = Fixture.model()
        _ = Fixture.keys(&model, .character("l"))
        #expect(!Self.footer(model, width: 30).contains("more"))
    }
}
