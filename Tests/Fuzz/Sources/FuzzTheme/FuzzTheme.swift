// libFuzzer harness: the theme parser, as `ThemeCatalog.load(file:)` reads a theme file (UTF-8
// check, TOML, `ThemeParser`), then every role's colours resolved for 8, 16 and 256-colour
// terminals as the curses backend does. Built by Tests/Fuzz/run-fuzzers.sh.
import TerminalUI
import TOMLParser

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard let text = try? TOMLSource.decode(UnsafeRawBufferPointer(start: start, count: count)) else { return 0 }
    do {
        let theme = try ThemeParser.parse(text, defaultName: "fuzz", file: "fuzz.toml")
        for role in Role.allCases {
            let style = theme.style(for: role)
            for colors in [8, 16, 256] {
                _ = style.foreground.resolved(colorCount: colors)
                _ = style.background.resolved(colorCount: colors)
            }
            _ = style.foreground.description
        }
        _ = theme.honoringNoColor(environment: ["NO_COLOR": "1"]).isMonochrome
    } catch {
        _ = String(describing: error)
    }
    return 0
}
