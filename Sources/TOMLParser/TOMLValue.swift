/// A TOML value as written in the document.
///
/// Only the table case is indirect: with the whole enum indirect, every string and number of a
/// config file was a heap box of its own (10,000 `[[accounts]]` blocks made 50,000 of them).
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// An offset date-time, local date-time, local date or local time, kept as the text
    /// written in the file (e.g. `1979-05-27T07:32:00Z`), so callers decide how to interpret it.
    case dateTime(String)
    case array([TOMLValue])
    indirect case table(TOMLTable)

    /// The TOML name of this value's type, for messages such as
    /// `field "theme" must be a string, not an integer`.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .dateTime: "date-time"
        case .array: "array"
        case .table: "table"
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var integerValue: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// A float, or an integer widened to `Double` (so `timeout = 5` works where a float is expected).
    public var floatValue: Double? {
        switch self {
        case .float(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    public var boolValue: Bool? {
        if case .boolean(let value) = self { value } else { nil }
    }

    public var dateTimeValue: String? {
        if case .dateTime(let value) = self { value } else { nil }
    }

    public var arrayValue: [TOMLValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    public var tableValue: TOMLTable? {
        if case .table(let value) = self { value } else { nil }
    }
}
