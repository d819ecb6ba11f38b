import TOMLParser
import TerminalUI

/// Reads the theme file format:
///
/// ```toml
/// name = "dark"            # optional, defaults to the file name
/// [colors]
/// text  = "default"        # shorthand: foreground only
/// muted = "brightblack"
/// [colors.selection]       # full form
/// fg = "black"             # "default", an ANSI name, 0–255 or "#rrggbb"
/// bg = "#00afaf"
/// bold = true              # also dim, reverse, underline
/// ```
///
/// Unknown roles, colours and keys are errors (with the line), so typos do not silently
/// fall back to defaults.
public enum ThemeParser {
    public static func parse(_ source: String, defaultName: String, file: String) throws(ThemeError) -> Theme {
        let root: TOMLTable
        do {
            root = try TOML.parse(source)
        } catch {
            throw .syntax(file: file, line: error.line, column: error.column, message: error.message)
        }
        for key in root.keys where key != "name" && key != "colors" {
            throw .invalid(file: file, line: root.line(of: key), message: "unknown key \"\(key)\" (expected \"name\" and a [colors] table)")
        }
        var name = defaultName
        if let value = root["name"] {
            guard case .string(let text) = value else {
                throw .invalid(file: file, line: root.line(of: "name"), message: "\"name\" must be a string, not \(value.typeName)")
            }
            name = text
        }
        guard let colorsValue = root["colors"] else {
            throw .invalid(file: file, line: nil, message: "missing [colors] table")
        }
        guard case .table(let colors) = colorsValue else {
            throw .invalid(file: file, line: root.line(of: "colors"), message: "\"colors\" must be a table, not \(colorsValue.typeName)")
        }
        var styles: [Role: Style] = [:]
        for key in colors.keys {
            let line = colors.line(of: key)
            guard let role = Role(rawValue: key) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalid(file: file, line: line, message: "unknown role \"\(key)\" (known roles: \(known))")
            }
            guard let value = colors[key] else { continue }
            styles[role] = try style(from: value, role: key, line: line, file: file)
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(from value: TOMLValue, role: String, line: Int?, file: String) throws(ThemeError) -> Style {
        switch value {
        case .string, .integer:
            return Style(foreground: try color(from: value, what: role, line: line, file: file))
        case .table(let table):
            var style = Style()
            for key in table.keys {
                guard let field = table[key] else { continue }
                let fieldLine = table.line(of: key) ?? line
                switch key {
                case "fg", "foreground":
                    style.foreground = try color(from: field, what: "\(role).\(key)", line: fieldLine, file: file)
                case "bg", "background":
                    style.background = try color(from: field, what: "\(role).\(key)", line: fieldLine, file: file)
                default:
                    guard let attribute = TextAttributes.named.first(where: { $0.name == key })?.value else {
                        throw .invalid(file: file, line: fieldLine, message: "unknown key \"\(key)\" in \(role) (expected fg, bg, bold, dim, reverse, underline)")
                    }
                    guard case .boolean(let on) = field else {
                        throw .invalid(file: file, line: fieldLine, message: "\(role).\(key) must be true or false, not \(field.typeName)")
                    }
                    if on { style.attributes.insert(attribute) }
                }
            }
            return style
        default:
            throw .invalid(file: file, line: line, message: "\(role) must be a colour or a table with fg/bg, not \(value.typeName)")
        }
    }

    private static func color(from value: TOMLValue, what: String, line: Int?, file: String) throws(ThemeError) -> ThemeColor {
        switch value {
        case .string(let name):
            guard let color = ThemeColor(name: name) else {
                throw .invalid(file: file, line: line, message: "unknown colour \"\(name)\" for \(what) (use \"default\", an ANSI name like \"brightblue\", 0–255 or \"#rrggbb\")")
            }
            return color
        case .integer(let index):
            guard let color = ThemeColor(index: index) else {
                throw .invalid(file: file, line: line, message: "colour index \(index) for \(what) is outside 0–255")
            }
            return color
        default:
            throw .invalid(file: file, line: line, message: "\(what) must be a colour name, \"#rrggbb\" or 0–255, not \(value.typeName)")
        }
    }
}
