import CNCurses
import Foundation
import Testing
@testable import TerminalUI

@Suite struct MouseDecodingTests {
    @Test func maskValuesAreNCursesOwn() {
        #expect(NCursesMouseMask.button1Pressed == UInt(tm_button1_pressed()))
        #expect(NCursesMouseMask.button1Released == UInt(tm_button1_released()))
        #expect(NCursesMouseMask.button1Clicked == UInt(tm_button1_clicked()))
        #expect(NCursesMouseMask.button1DoubleClicked == UInt(tm_button1_double_clicked()))
        #expect(NCursesMouseMask.button1TripleClicked == UInt(tm_button1_triple_clicked()))
        #expect(NCursesMouseMask.button4Pressed == UInt(tm_button4_pressed()))
        #expect(NCursesMouseMask.button5Pressed == UInt(tm_button5_pressed()))
        #expect(NCursesKeyCode.mouse == tm_key_mouse())
    }

    @Test func buttonStatesDecode() {
        #expect(MouseEvent.decode(buttonState: UInt(tm_button1_pressed()), x: 3, y: 4) == MouseEvent(.press, x: 3, y: 4))
        #expect(MouseEvent.decode(buttonState: UInt(tm_button1_released()), x: 3, y: 4)?.kind == .release)
        #expect(MouseEvent.decode(buttonState: UInt(tm_button1_clicked()), x: 3, y: 4)?.kind == .click)
        #expect(MouseEvent.decode(buttonState: UInt(tm_button1_double_clicked()), x: 3, y: 4)?.kind == .doubleClick)
        #expect(MouseEvent.decode(buttonState: UInt(tm_button4_pressed()), x: 0, y: 0)?.kind == .wheelUp)
        #expect(MouseEvent.decode(buttonState: UInt(tm_button5_pressed()), x: 0, y: 0)?.kind == .wheelDown)
        // Other buttons and positions off the screen are not events.
        #expect(MouseEvent.decode(buttonState: 0o2 << 5, x: 1, y: 1) == nil)
        #expect(MouseEvent.decode(buttonState: UInt(tm_button1_pressed()), x: -1, y: 2) == nil)
        #expect(Key.mouse(MouseEvent(.press, x: 1, y: 2)).description == "Mouse(press 1,2)")
    }

    @Test func aSecondPressOnTheSameCellSoonIsADoubleClick() {
        var clicks = ClickResolver()
        let start = ContinuousClock.now
        let press = MouseEvent(.press, x: 5, y: 6)
        #expect(clicks.resolve(press, at: start) == press)
        #expect(clicks.resolve(MouseEvent(.release, x: 5, y: 6), at: start + .milliseconds(50)).kind == .release)
        #expect(clicks.resolve(press, at: start + .milliseconds(200)).kind == .doubleClick)
        #expect(clicks.resolve(MouseEvent(.release, x: 5, y: 6), at: start + .milliseconds(250)).kind == .release)
        // A third press starts over; a late one or one elsewhere is a single press.
        #expect(clicks.resolve(press, at: start + .milliseconds(300)).kind == .press)
        _ = clicks.resolve(MouseEvent(.release, x: 5, y: 6), at: start + .milliseconds(310))
        #expect(clicks.resolve(press, at: start + .milliseconds(900)).kind == .press)
        _ = clicks.resolve(MouseEvent(.release, x: 5, y: 6), at: start + .milliseconds(910))
        #expect(clicks.resolve(MouseEvent(.press, x: 6, y: 6), at: start + .milliseconds(950)).kind == .press)
    }

    /// What ncurses reports when a press and its release arrive together: only the release,
    /// or a click, or (for two) a double click. All become clicks and double clicks.
    @Test func mergedReportsBecomeClicks() {
        var clicks = ClickResolver()
        let start = ContinuousClock.now
        #expect(clicks.resolve(MouseEvent(.release, x: 10, y: 5), at: start) == MouseEvent(.click, x: 10, y: 5))
        #expect(clicks.resolve(MouseEvent(.release, x: 10, y: 5), at: start + .milliseconds(100)).kind == .doubleClick)
        #expect(clicks.resolve(MouseEvent(.click, x: 10, y: 5), at: start + .seconds(2)).kind == .click)
        #expect(clicks.resolve(MouseEvent(.click, x: 10, y: 5), at: start + .milliseconds(2100)).kind == .doubleClick)
        #expect(clicks.resolve(MouseEvent(.doubleClick, x: 3, y: 3), at: start + .seconds(5)).kind == .doubleClick)
        // After a double click the next click is a single one again.
        #expect(clicks.resolve(MouseEvent(.click, x: 3, y: 3), at: start + .milliseconds(5100)).kind == .click)
        #expect(clicks.resolve(MouseEvent(.wheelDown, x: 3, y: 3), at: start + .milliseconds(5150)).kind == .wheelDown)
    }

    @Test func hitRegionsAreClippedAndTheLastDrawnWins() {
        var canvas = Canvas(size: Size(width: 10, height: 3))
        canvas.markHitRegion(Rect(x: 0, y: 1, width: 20, height: 1), .tableRow(0))
        canvas.markHitRegion(Rect(x: 0, y: 5, width: 10, height: 1), .tableRow(1))
        canvas.markHitRegion(Rect(x: 2, y: 1, width: 2, height: 1), .formField("name"))
        #expect(canvas.hitRegions.count == 2)
        #expect(canvas.hitTarget(at: Point(x: 9, y: 1)) == .tableRow(0))
        #expect(canvas.hitTarget(at: Point(x: 3, y: 1)) == .formField("name"))
        #expect(canvas.hitTarget(at: Point(x: 3, y: 0)) == nil)
    }
}
