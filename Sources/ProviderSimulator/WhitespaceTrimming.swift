extension StringProtocol {
    /// The text without leading and trailing whitespace as Foundation's `CharacterSet.whitespaces`
    /// defines it (tab, the space separators of Unicode category Zs, and the zero-width space
    /// that CoreFoundation still counts among them; not line breaks), trimmed by code point as
    /// `trimmingCharacters(in: .whitespaces)` did.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isTrimmedWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isTrimmedWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

private extension Unicode.Scalar {
    var isTrimmedWhitespace: Bool {
        value == 0x09 || value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}
