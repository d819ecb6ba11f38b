/// Maps every `Role` to a `Style`. Load one with `ThemeCatalog`, or use the built-ins
/// `Theme.dark` (the default, embedded so the binary works without a themes directory)
/// and `Theme.monochrome` (used for `NO_COLOR` and terminals without colour).
public struct Theme: Hashable, Sendable {
    public var name: String
    /// One style per role; roles a theme file leaves out get `Theme.monochrome`'s style,
    /// which is readable on any background.
    public private(set) var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        var complete = styles
        for role in Role.allCases where complete[role] == nil {
            complete[role] = Theme.monochromeStyles[role] ?? Style()
        }
        self.styles = complete
    }

    public func style(for role: Role) -> Style {
        styles[role] ?? Style()
    }

    /// True when no role sets a colour, so the backend need not start colour at all.
    public var isMonochrome: Bool {
        styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault }
    }

    /// The theme to actually use given the environment: `Theme.monochrome` when `NO_COLOR`
    /// is set to a non-empty value (https://no-color.org), otherwise `self`.
    public func honoringNoColor(environment: [String: String]) -> Theme {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .monochrome }
        return self
    }

    // MARK: Built-ins

    /// Roles as attributes only: reverse for selection, bold for accent and danger, dim for
    /// muted. Used for NO_COLOR, terminals without colour, and as the fallback per role.
    public static let monochrome = Theme(name: "monochrome", styles: monochromeStyles)

    static let monochromeStyles: [Role: Style] = [
        .text: Style(),
        .muted: Style(attributes: .dim),
        .accent: Style(attributes: .bold),
        .selection: Style(attributes: .reverse),
        .success: Style(),
        .warning: Style(attributes: .bold),
        .danger: Style(attributes: .bold),
        .border: Style(),
        .title: Style(attributes: .bold),
        .statusBar: Style(attributes: .reverse),
        .input: Style(attributes: .underline),
        .inputFocused: Style(attributes: [.underline, .bold]),
    ]

    /// The default theme, identical to `themes/dark.toml` (a test keeps them in step).
    /// Colours are ANSI names so they follow the user's terminal palette, and the terminal's
    /// default background is kept.
    public static let dark = Theme(name: "dark", styles: [
        .text: Style(),
        .muted: Style(foreground: .indexed(8)),
        .accent: Style(foreground: .indexed(14), attributes: .bold),
        .selection: Style(foreground: .indexed(0), background: .indexed(6)),
        .success: Style(foreground: .indexed(10)),
        .warning: Style(foreground: .indexed(11)),
        .danger: Style(foreground: .indexed(9), attributes: .bold),
        .border: Style(foreground: .indexed(8)),
        .title: Style(foreground: .indexed(15), attributes: .bold),
        .statusBar: Style(foreground: .indexed(0), background: .indexed(7)),
        .input: Style(attributes: .underline),
        .inputFocused: Style(foreground: .indexed(15), background: .indexed(4)),
    ])
}
