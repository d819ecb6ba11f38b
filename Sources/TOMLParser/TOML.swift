/// Entry point of the TOML parser.
public enum TOML {
    /// Parses a TOML 1.0 document into its root table.
    /// Every table and key remembers the line it was defined on (see `TOMLTable.line(of:)`).
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = DocumentParser(text: text)
        return try parser.parseDocument()
    }
}
