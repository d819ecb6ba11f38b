import Foundation
import Testing
import TerminalUI
@testable import TokenManager

@Test func scratchDump() {
    var m = Fixture.model()
    for l in Fixture.render(m).lines { print("|" + l + "|") }
    for l in Fixture.render(m, now: Fixture.t0 + 65).lines { print("|" + l + "|") }
    m.screen = .detail(DetailScreen(account: "prod-wme"))
    for l in Fixture.render(m, height: 30).lines { print("|" + l + "|") }
}
