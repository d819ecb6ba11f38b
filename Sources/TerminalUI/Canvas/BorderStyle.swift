/// The characters used to draw boxes. `.ascii` is for terminals or fonts without box
/// drawing glyphs (the app can offer it as a setting, or pick it when the locale is not UTF-8).
public struct BorderStyle: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    public static let unicode = BorderStyle(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let rounded = BorderStyle(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    public static let ascii = BorderStyle(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")

    /// `.ascii` when `useASCII` is set, otherwise `.unicode`: convenient for an app-wide flag.
    public static func standard(ascii useASCII: Bool) -> BorderStyle { useASCII ? .ascii : .unicode }
}
