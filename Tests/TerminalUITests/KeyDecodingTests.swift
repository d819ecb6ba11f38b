import CNCurses
import Testing
@testable import TerminalUI

@Suite struct KeyDecodingTests {
    @Test func characters() {
        #expect(Key.decode(.character(UInt32(("a" as Unicode.Scalar).value))) == .character("a"))
        #expect(Key.decode(.character(0x65E5)) == .character("日"))
        #expect(Key.decode(.character(32)) == .character(" "))
    }

    @Test func controlCharacters() {
        #expect(Key.decode(.character(13)) == .enter)
        #expect(Key.decode(.character(10)) == .enter)
        #expect(Key.decode(.character(9)) == .tab)
        #expect(Key.decode(.character(27)) == .escape)
        #expect(Key.decode(.character(127)) == .backspace)
        #expect(Key.decode(.character(8)) == .backspace)
        #expect(Key.decode(.character(3)) == .control("c"))
        #expect(Key.decode(.character(21)) == .control("u"))
        #expect(Key.decode(.character(23)) == .control("w"))
        #expect(Key.decode(.character(26)) == .control("z"))
        #expect(Key.decode(.character(0)) == nil)
    }

    @Test func functionKeysFromCurses() {
        #expect(Key.decode(.keyCode(KEY_UP)) == .up)
        #expect(Key.decode(.keyCode(KEY_DOWN)) == .down)
        #expect(Key.decode(.keyCode(KEY_LEFT)) == .left)
        #expect(Key.decode(.keyCode(KEY_RIGHT)) == .right)
        #expect(Key.decode(.keyCode(KEY_HOME)) == .home)
        #expect(Key.decode(.keyCode(KEY_END)) == .end)
        #expect(Key.decode(.keyCode(KEY_PPAGE)) == .pageUp)
        #expect(Key.decode(.keyCode(KEY_NPAGE)) == .pageDown)
        #expect(Key.decode(.keyCode(KEY_BACKSPACE)) == .backspace)
        #expect(Key.decode(.keyCode(KEY_DC)) == .delete)
        #expect(Key.decode(.keyCode(KEY_BTAB)) == .backTab)
        #expect(Key.decode(.keyCode(KEY_ENTER)) == .enter)
        #expect(Key.decode(.keyCode(Int32(tm_key_resize()))) == .resize)
        #expect(Key.decode(.keyCode(Int32(tm_key_f(1)))) == .function(1))
        #expect(Key.decode(.keyCode(Int32(tm_key_f(12)))) == .function(12))
        #expect(Key.decode(.keyCode(0o777)) == .unknown(0o777))
    }

    @Test func descriptionsForHints() {
        #expect(Key.control("u").description == "Ctrl-U")
        #expect(Key.backTab.description == "Shift-Tab")
    }
}
