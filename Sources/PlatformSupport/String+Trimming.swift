/// Trimming as Foundation's `trimmingCharacters(in: .whitespaces)` and
/// `(in: .whitespacesAndNewlines)` did it, scalar by scalar, without linking Foundation
/// (issue 13). Distinct names, so code that also imports Foundation is never ambiguous.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Unicode `Zs`, U+0009 and U+200B).
    public func trimmedWhitespace() -> String {
        trimmed(where: UnicodeWhitespace.isSpace)
    }

    /// Without leading and trailing spaces, tabs and line breaks.
    public func trimmedWhitespaceAndNewlines() -> String {
        trimmed { UnicodeWhitespace.isSpace($0) || UnicodeWhitespace.isNewline($0) }
    }

    /// Without leading and trailing line breaks.
    public func trimmedNewlines() -> String {
        trimmed(where: UnicodeWhitespace.isNewline)
    }

    private func trimmed(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        var end = scalars.endIndex
        while end > first {
            let previous = scalars.index(before: end)
            if !isTrimmed(scalars[previous]) { break }
            end = previous
        }
        return String(String.UnicodeScalarView(scalars[first..<end]))
    }
}

/// The scalar classes of Foundation's `CharacterSet.whitespaces` and `.newlines`.
public enum UnicodeWhitespace {
    /// Foundation's table still counts ZERO WIDTH SPACE (U+200B), a space separator in old
    /// Unicode versions.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    public static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension String {
    /// Padded with spaces or cut to `length` Characters (what Foundation's
    /// `padding(toLength:withPad: " ", startingAt: 0)` did, counting Characters rather than
    /// UTF-16 units, so a cell of emoji lines up the way it is counted for widths).
    public func paddedOrCut(toLength length: Int) -> String {
        let count = self.count
        if count == length { return self }
        if count > length { return String(prefix(max(0, length))) }
        return self + String(repeating: " ", count: length - count)
    }
}
