/// Greedy word wrapping by display width, for dialogs and help text.
public enum WordWrap {
    /// Splits `text` into lines of at most `width` columns. Words longer than a line are
    /// broken; explicit newlines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    var rest = Substring(word)
                    while let c = rest.first, headWidth + DisplayWidth.of(c) <= width {
                        head.append(c)
                        headWidth += DisplayWidth.of(c)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty { head = String(rest.prefix(1)); rest = rest.dropFirst() }
                    result.append(head)
                    word = String(rest)
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            result.append(line)
        }
        return result
    }

    /// At most `maxLines` lines of `text` wrapped to `width`; when it needs more, the last
    /// line shown ends in "…".
    public static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        let all = lines(text, width: width)
        guard all.count > maxLines else { return all }
        guard maxLines > 0 else { return [] }
        var shown = Array(all.prefix(maxLines))
        var last = shown[maxLines - 1]
        while !last.isEmpty, DisplayWidth.of(last) + 1 > width { last.removeLast() }
        shown[maxLines - 1] = last + "…"
        return shown
    }
}
