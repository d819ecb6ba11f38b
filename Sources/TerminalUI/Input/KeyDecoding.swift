/// What `wget_wch` returned, without ncurses types, so decoding is a pure, testable function.
public enum RawKeyInput: Hashable, Sendable {
    /// `OK`: a character (wint_t value).
    case character(UInt32)
    /// `KEY_CODE_YES`: a function key code such as KEY_UP.
    case keyCode(Int32)
}

/// ncurses' key code values (`<curses.h>`), written out so decoding does not need the C
/// module; `KeyDecodingTests` checks them against the real constants.
enum NCursesKeyCode {
    static let down: Int32 = 0o402
    static let up: Int32 = 0o403
    static let left: Int32 = 0o404
    static let right: Int32 = 0o405
    static let home: Int32 = 0o406
    static let backspace: Int32 = 0o407
    static let f0: Int32 = 0o410
    static let deleteCharacter: Int32 = 0o512
    static let insertCharacter: Int32 = 0o513
    static let nextPage: Int32 = 0o522
    static let previousPage: Int32 = 0o523
    static let enter: Int32 = 0o527
    static let backTab: Int32 = 0o541
    static let end: Int32 = 0o550
    static let resize: Int32 = 0o632
    static let mouse: Int32 = 0o631
}

extension Key {
    /// Decodes one `wget_wch` result. Returns `nil` for input that is not a key by itself
    /// (a NUL from Ctrl-Space, a lone surrogate value).
    public static func decode(_ input: RawKeyInput) -> Key? {
        switch input {
        case .character(let value):
            return decodeCharacter(value)
        case .keyCode(let code):
            return decodeKeyCode(code)
        }
    }

    private static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 0: return nil
        case 8, 127: return .backspace  // Ctrl-H and DEL: terminals disagree on which Backspace sends
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26:
            guard let scalar = Unicode.Scalar(value + 96) else { return nil }
            return .control(Character(scalar))
        case 28...31: return .unknown(Int(value))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            if value >= 0x80 && value < 0xA0 { return .unknown(Int(value)) }
            return .character(Character(scalar))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Key {
        switch code {
        case NCursesKeyCode.up: return .up
        case NCursesKeyCode.down: return .down
        case NCursesKeyCode.left: return .left
        case NCursesKeyCode.right: return .right
        case NCursesKeyCode.home: return .home
        case NCursesKeyCode.end: return .end
        case NCursesKeyCode.nextPage: return .pageDown
        case NCursesKeyCode.previousPage: return .pageUp
        case NCursesKeyCode.backspace: return .backspace
        case NCursesKeyCode.deleteCharacter: return .delete
        case NCursesKeyCode.insertCharacter: return .insert
        case NCursesKeyCode.enter: return .enter
        case NCursesKeyCode.backTab: return .backTab
        case NCursesKeyCode.resize: return .resize
        case (NCursesKeyCode.f0 + 1)...(NCursesKeyCode.f0 + 12): return .function(Int(code - NCursesKeyCode.f0))
        default: return .unknown(Int(code))
        }
    }
}
