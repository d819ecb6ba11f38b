/// A colour as written in a theme file, before it is fitted to what the terminal supports.
///
/// Theme files accept `"default"` (the terminal's own colour), the 16 ANSI names
/// (`"red"`, `"brightblue"`, …), an index 0–255, or `"#rrggbb"`. `resolved(colorCount:)`
/// maps each to the nearest colour the terminal can show, so one theme works on 8-, 16-
/// and 256-colour terminals.
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's default foreground or background (ncurses colour -1).
    case terminalDefault
    /// A palette index: 0–7 ANSI, 8–15 bright ANSI, 16–231 the 6x6x6 cube, 232–255 greys.
    case indexed(Int)
    /// A true colour, fitted to the palette at runtime.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightblack", "brightred", "brightgreen", "brightyellow", "brightblue", "brightmagenta", "brightcyan", "brightwhite",
    ]

    /// Parses a colour name or `#rrggbb`; `nil` if it is neither. Case, spaces, `-` and `_`
    /// in names are ignored ("Bright Blue", "bright_blue"), and "grey"/"gray" mean bright black.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        if key == "default" || key == "none" || key == "terminal" {
            self = .terminalDefault
        } else if let index = ThemeColor.ansiNames.firstIndex(of: key) {
            self = .indexed(index)
        } else if key == "grey" || key == "gray" {
            self = .indexed(8)
        } else if key.hasPrefix("#"), key.count == 7, let value = UInt32(key.dropFirst(), radix: 16) {
            self = .rgb(red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    /// A palette index 0–255; `nil` outside that range.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .indexed(index)
    }

    public var description: String {
        switch self {
        case .terminalDefault: return "default"
        case .indexed(let i): return i < 16 ? ThemeColor.ansiNames[i] : "\(i)"
        case .rgb(let r, let g, let b):
            let hex = (Int(r) << 16) | (Int(g) << 8) | Int(b)
            let digits = String(hex, radix: 16)
            return "#" + String(repeating: "0", count: 6 - digits.count) + digits
        }
    }

    /// The ncurses colour number for a terminal with `colorCount` colours (`COLORS`):
    /// -1 for the default colour, otherwise the nearest available palette entry.
    public func resolved(colorCount: Int) -> Int {
        let palette = colorCount >= 256 ? 256 : (colorCount >= 16 ? 16 : 8)
        switch self {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            if index < palette { return index }
            if index < 16 { return index - 8 }  // bright → normal on 8-colour terminals
            return Palette.nearest(to: Palette.rgb(ofIndex: index), among: palette)
        case .rgb(let r, let g, let b):
            return Palette.nearest(to: (Int(r), Int(g), Int(b)), among: palette)
        }
    }
}
