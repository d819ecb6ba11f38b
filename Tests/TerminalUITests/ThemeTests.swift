import Testing
@testable import TerminalUI

/// Themes as values: colour names, palette fitting, NO_COLOR. Reading theme files is tested
/// in ThemesTests.
@Suite struct ThemeTests {
    @Test func noColorSelectsMonochrome() {
        #expect(Theme.dark.honoringNoColor(environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(Theme.dark.honoringNoColor(environment: ["NO_COLOR": ""]) == .dark)
        #expect(Theme.dark.honoringNoColor(environment: [:]) == .dark)
        let mono = Theme.monochrome
        #expect(mono.style(for: .selection).attributes == .reverse)
        #expect(mono.style(for: .accent).attributes == .bold)
        #expect(mono.style(for: .danger).attributes == .bold)
        #expect(mono.style(for: .muted).attributes == .dim)
    }

    @Test func colourNames() {
        #expect(ThemeColor(name: "white") == .indexed(7))
        #expect(ThemeColor(name: "Bright Blue") == .indexed(12))
        #expect(ThemeColor(name: "bright_black") == .indexed(8))
        #expect(ThemeColor(name: "default") == .terminalDefault)
        #expect(ThemeColor(name: "#FF8000") == .rgb(red: 255, green: 128, blue: 0))
        #expect(ThemeColor(name: "blu") == nil)
        #expect(ThemeColor(name: "#12345") == nil)
        #expect(ThemeColor(index: 256) == nil)
    }

    @Test func hexMapsToNearestPaletteEntry() {
        let orange = ThemeColor.rgb(red: 0xff, green: 0x87, blue: 0x00)
        #expect(orange.resolved(colorCount: 256) == 208)
        #expect([1, 3, 9, 11].contains(orange.resolved(colorCount: 16)))  // a red or yellow
        #expect((0..<8).contains(orange.resolved(colorCount: 8)))
        #expect(ThemeColor.rgb(red: 0, green: 0, blue: 0).resolved(colorCount: 256) == 16)
        #expect(ThemeColor.rgb(red: 0x80, green: 0x80, blue: 0x80).resolved(colorCount: 256) == 244)
        #expect(ThemeColor.rgb(red: 255, green: 0, blue: 0).resolved(colorCount: 16) == 9)
        #expect(ThemeColor.rgb(red: 205, green: 0, blue: 0).resolved(colorCount: 8) == 1)
        #expect(ThemeColor.rgb(red: 0, green: 0, blue: 0xee).resolved(colorCount: 8) == 4)
    }

    @Test func indexedColoursDegrade() {
        #expect(ThemeColor.indexed(12).resolved(colorCount: 256) == 12)
        #expect(ThemeColor.indexed(12).resolved(colorCount: 16) == 12)
        #expect(ThemeColor.indexed(12).resolved(colorCount: 8) == 4)
        #expect(ThemeColor.indexed(196).resolved(colorCount: 16) == 9)
        #expect(ThemeColor.terminalDefault.resolved(colorCount: 8) == -1)
    }
}
