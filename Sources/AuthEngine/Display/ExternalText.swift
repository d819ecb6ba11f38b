import PlatformSupport
/// The one sanitiser for text that comes from outside (provider messages, JWT claims, account
/// attributes a server sent, names in a challenge) before a person sees it.
///
/// Why escape rather than drop: a person debugging a provider needs to see that a message held
/// an ESC or a newline, but the terminal must never act on it (retitle the window, clear the
/// screen, fake a prompt, reorder text with a bidi override). Every control or format
/// character is therefore shown as a visible escape (`\e`, `\n`, `\u{202E}`), and the result is
/// bounded so a server cannot flood the screen or the status bar.
public enum ExternalText {
    /// Longest text shown, in characters, before it is cut with "…".
    public static let defaultLimit = 200

    /// `text` with every control/format character escaped visibly and at most `limit` characters.
    public static func displayable(_ text: String, limit: Int = defaultLimit) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            let piece = escape(scalar)
            if count + piece.count > limit {
                result += "…"
                return result
            }
            result += piece
            count += piece.count
        }
        return result
    }

    /// True when `text` holds nothing a terminal would interpret.
    /// A provider's own error message as it may be shown: one short line that gives away none
    /// of `secrets`, with its control characters escaped; "" otherwise (the caller then says
    /// something of its own). Shared by every provider's error mapper.
    static func providerMessage(_ text: String?, hiding secrets: SecretMatcher) -> String {
        guard let text else { return "" }
        let trimmed = text.trimmedWhitespaceAndNewlines()
        guard !trimmed.isEmpty, trimmed.count <= defaultLimit, !trimmed.contains(where: \.isNewline) else { return "" }
        if secrets.reveals(trimmed) { return "" }
        return displayable(trimmed)
    }

    public static func isInert(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { !needsEscape($0) }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        guard needsEscape(scalar) else { return String(scalar) }
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{1B}": return "\\e"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
        }
    }
}
