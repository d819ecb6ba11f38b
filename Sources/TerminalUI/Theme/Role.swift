/// What a piece of text *means*. Views pick roles; the theme decides colours, so a screen
/// never hard-codes "red" and every theme (including monochrome) stays readable.
public enum Role: String, CaseIterable, Hashable, Sendable {
    /// Ordinary text.
    case text
    /// Secondary text: hints, timestamps, placeholders.
    case muted
    /// Highlights that should catch the eye: key names in hints, links, the active tab.
    case accent
    /// The selected row of a list or table.
    case selection
    /// Good news: "valid", "copied".
    case success
    /// Needs attention soon: a token expiring in under a minute.
    case warning
    /// Errors and destructive actions.
    case danger
    /// Box and separator lines.
    case border
    /// Screen and dialog titles.
    case title
    /// The status bar at the bottom (or top) of the screen.
    case statusBar
    /// An editable text field without focus.
    case input
    /// The text field that has focus.
    case inputFocused
}
