import FoundationEssentials
import TOMLParser

/// Reads typed values from one TOML table and turns every problem into a `ConfigError` naming
/// the file, the line of the key and its dotted field path.
struct ConfigTableReader {
    let table: TOMLTable
    private let prefixBase: String
    /// The element number of `accounts[N]`, put into `prefix` only when a message needs it
    /// (building the text for each of 10,000 blocks showed in the time of `tokenman list`).
    private let element: Int?
    let path: String

    init(table: TOMLTable, prefix: String, path: String) {
        self.table = table
        self.prefixBase = prefix
        self.element = nil
        self.path = path
    }

    /// The reader of `name[element]`, an element of an array of tables (1-based, as shown).
    init(table: TOMLTable, element: Int, of name: String, path: String) {
        self.table = table
        self.prefixBase = name
        self.element = element
        self.path = path
    }

    /// e.g. "accounts[2]" or "providers.acme"; empty for the top level.
    var prefix: String {
        guard let element else { return prefixBase }
        return "\(prefixBase)[\(element)]"
    }

    func field(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    func line(_ key: String) -> Int? { table.line(of: key) ?? (table.line > 0 ? table.line : nil) }

    func error(_ key: String?, _ message: String) -> ConfigError {
        ConfigError(
            path: path,
            line: key.flatMap(line) ?? (table.line > 0 ? table.line : nil),
            field: key.map(field) ?? (prefix.isEmpty ? nil : prefix),
            message: message
        )
    }

    /// Typos must not pass silently: any key outside `allowed` is an error.
    func rejectUnknownKeys(allowed: [String], hint: (String) -> String? = { _ in nil }) throws(ConfigError) {
        // Lengths first, cheaper than the string comparison; a key not found so is compared
        // with all of them (Strings of different lengths can be equal: a precomposed "é" and
        // a decomposed one), which only a key that is not allowed, an error, takes to the end.
        for key in table.keys {
            if allowed.contains(where: { $0.utf8.count == key.utf8.count && $0 == key }) || allowed.contains(key) { continue }
            let suggestion = hint(key) ?? "expected one of: \(allowed.joined(separator: ", "))"
            throw error(key, "unknown key (\(suggestion))")
        }
    }

    /// `CharacterSet.whitespaces` (tab and the space separators) without bridging the text to
    /// NSString: `trimmingCharacters(in:)` was most of the time spent decoding account blocks.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        // Of ASCII only the space is a space separator; the category lookup is for the rest.
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    func string(_ key: String, required: Bool = false, nonEmpty: Bool = true) throws(ConfigError) -> String? {
        guard let value = table[key] else {
            if required { throw error(nil, "missing required key \"\(key)\"") }
            return nil
        }
        guard let text = value.stringValue else { throw error(key, "expected a string, found \(value.typeName)") }
        if nonEmpty, text.unicodeScalars.allSatisfy(Self.isWhitespace) { throw error(key, "must not be empty") }
        return text
    }

    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.boolValue else { throw error(key, "expected true or false, found \(value.typeName)") }
        return flag
    }

    func integer(_ key: String, minimum: Int = 0, maximum: Int = .max) throws(ConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.integerValue else { throw error(key, "expected an integer, found \(value.typeName)") }
        guard number >= minimum else { throw error(key, "must be at least \(minimum)") }
        guard number <= maximum else { throw error(key, "must be at most \(maximum)") }
        return number
    }

    /// "90s", "2m", "1h" or an integer number of seconds; must be longer than zero, at least
    /// `minimum` and at most `maximum` (both in seconds; the default maximum is a century, so
    /// no duration from the file can push a date out of the years a date can be written in).
    func duration(
        _ key: String,
        minimum: TimeInterval = 0,
        maximum: TimeInterval = DurationParser.maximumSeconds
    ) throws(ConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        let seconds: Double?
        switch value {
        case .integer(let number): seconds = Double(number)
        case .string(let text): seconds = DurationParser.seconds(text)
        default: throw error(key, "expected a duration such as \"90s\", \"2m\" or \"1h\", found \(value.typeName)")
        }
        guard let seconds else {
            throw error(key, "invalid duration \"\(value.stringValue ?? "")\" (use e.g. \"90s\", \"2m\", \"1h\")")
        }
        guard seconds > 0 else { throw error(key, "must be longer than zero") }
        guard seconds >= minimum else { throw error(key, "must be at least \(DurationParser.describe(minimum))") }
        guard seconds <= maximum else { throw error(key, "must be at most \(DurationParser.describe(maximum))") }
        return seconds
    }

    /// A file path for a setting such as `ca_file`: absolute, or `~/...` expanded with `home`.
    /// Relative paths are refused: they would depend on the directory tokenman is started in.
    func filePath(_ key: String, home: String?) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        if text.hasPrefix("/") { return text }
        if text.hasPrefix("~/"), let home, home.hasPrefix("/") { return home + text.dropFirst() }
        throw error(key, "expected an absolute path (or ~/...), found \"\(text)\"")
    }

    /// An http(s) URL with a host.
    func url(_ key: String) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        guard let components = URLComponentsLite(text) else {
            throw error(key, "invalid URL \"\(text)\" (expected https://host/...)")
        }
        _ = components
        return text
    }

    func table(_ key: String) throws(ConfigError) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let nested = value.tableValue else { throw error(key, "expected a table, found \(value.typeName)") }
        return nested
    }
}

/// Minimal URL check without Foundation's lenient parser: scheme http/https and a host.
struct URLComponentsLite {
    let scheme: String
    let host: String

    init?(_ text: String) {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last.map(String.init) ?? ""
        let host = hostAndPort.hasPrefix("[")
            ? String(hostAndPort.prefix { $0 != "]" }.dropFirst())
            : String(hostAndPort.prefix { $0 != ":" })
        guard !host.isEmpty, !text.contains(" ") else { return nil }
        if let colon = hostAndPort.lastIndex(of: ":"), !hostAndPort.hasSuffix("]") {
            let port = hostAndPort[hostAndPort.index(after: colon)...]
            // ASCII digits only (`isNumber` also takes "٣" and "½"), and a port too long for an
            // Int is out of range rather than read as 0.
            guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let number = Int(port), number < 65536 else { return nil }
        }
        self.scheme = scheme
        self.host = host
    }
}
