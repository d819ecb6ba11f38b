/// Terminal column widths of characters, close to what `wcwidth` (and therefore ncurses and
/// the terminal) uses: East Asian Wide/Fullwidth and emoji-presentation characters take two
/// columns, control characters none, everything else one. A grapheme cluster takes the width
/// of its first scalar, because combining marks, variation selectors and joiners are
/// zero-width to `wcwidth` too. Deliberately a small table instead of a dependency.
public enum DisplayWidth {
    /// Columns taken by one grapheme: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(first)
    }

    /// Columns taken by one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        // Below the combining diacritical marks (U+0300) nothing is zero-width or wide: answered
        // without the Unicode property lookup, which was most of an idle frame's CPU.
        if v < 0x300 { return 1 }
        if v < 0x1100 { return isZeroWidth(scalar) ? 0 : 1 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return isZeroWidth(scalar) ? 0 : 1
    }

    /// Columns taken by a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII (most of what a frame holds) is one column a byte, with no grapheme
        // breaking needed.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// `text` cut to at most `width` columns; when it does not fit, the last visible column
    /// becomes "…" so the reader can tell something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        let budget = width - 1
        for character in text {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        result.append(ellipsis)
        return result
    }

    /// `text` padded with spaces (or truncated with "…") to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .leading) -> String {
        let cut = truncate(text, to: width)
        let gap = max(0, width - of(cut))
        switch alignment {
        case .leading: return cut + String(repeating: " ", count: gap)
        case .trailing: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return scalar.value != 0x00AD
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15), coarse but covering real text.
    /// Emoji are covered by the `isEmojiPresentation` property instead of ranges, because
    /// the emoji blocks mix wide and narrow characters.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Horizontal placement of text inside a wider space.
public enum Alignment: Hashable, Sendable {
    case leading, center, trailing
}
