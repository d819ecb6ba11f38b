/// A TOML table: keys in file order, their values, and the line each key was defined on,
/// so configuration errors can point at the offending line.
///
/// Equality compares contents only (same keys with equal values); key order and line numbers
/// are source metadata and do not make two tables different.
public struct TOMLTable: Sendable, Equatable {
    struct Entry: Sendable {
        var value: TOMLValue
        var line: Int
    }

    /// The keys in the order they first appeared in the file.
    public private(set) var keys: [String]
    /// Line of this table's header (`[x]`, `[[x]]`, or the `{` of an inline table); 0 for the root.
    /// A table created only implicitly (the `a` of `[a.b]`, or of `a.b = 1`) takes the line
    /// where it was first mentioned.
    public var line: Int
    /// Parallel to `keys`.
    private var entries: [Entry]
    private var positions: KeyPositions

    public init(line: Int = 0) {
        self.keys = []
        self.entries = []
        self.positions = KeyPositions()
        self.line = line
    }

    /// Builds a table in the given key order; every key gets `line` (useful in tests and defaults).
    public init(_ pairs: KeyValuePairs<String, TOMLValue>, line: Int = 0) {
        self.init(line: line)
        for (key, value) in pairs {
            set(key, to: value, line: line)
        }
    }

    /// `entries[i]` belongs to `keys[i]`; `positions` indexes `keys`.
    init(keys: [String], entries: [Entry], positions: KeyPositions, line: Int) {
        self.keys = keys
        self.entries = entries
        self.positions = positions
        self.line = line
    }

    private func entry(_ key: String) -> Entry? {
        positions.position(of: key, in: keys).map { entries[$0] }
    }

    public subscript(key: String) -> TOMLValue? {
        entry(key)?.value
    }

    /// The 1-based line where `key` was defined; for a sub-table or array of tables, its header line.
    public func line(of key: String) -> Int? {
        entry(key)?.line
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Adds or replaces `key`. A new key goes to the end of `keys`; a replaced key keeps its place.
    public mutating func set(_ key: String, to value: TOMLValue, line: Int = 0) {
        if let position = positions.position(of: key, in: keys) {
            entries[position] = Entry(value: value, line: line)
            return
        }
        keys.append(key)
        entries.append(Entry(value: value, line: line))
        positions.didAppend(to: keys)
    }

    /// Removes `key` and returns its value, if present.
    @discardableResult
    public mutating func remove(_ key: String) -> TOMLValue? {
        guard let position = positions.position(of: key, in: keys) else { return nil }
        keys.remove(at: position)
        let removed = entries.remove(at: position)
        positions.rebuild(for: keys)
        return removed.value
    }

    // MARK: Typed accessors: nil when the key is missing or holds another type.

    public func string(_ key: String) -> String? { self[key]?.stringValue }
    public func integer(_ key: String) -> Int? { self[key]?.integerValue }
    /// A float, or an integer widened to `Double`.
    public func float(_ key: String) -> Double? { self[key]?.floatValue }
    public func bool(_ key: String) -> Bool? { self[key]?.boolValue }
    public func dateTime(_ key: String) -> String? { self[key]?.dateTimeValue }
    public func array(_ key: String) -> [TOMLValue]? { self[key]?.arrayValue }
    public func table(_ key: String) -> TOMLTable? { self[key]?.tableValue }

    /// The tables of an array of tables (`[[accounts]]`), or of an array holding only inline tables.
    /// Nil when the key is missing or any element is not a table.
    public func tables(_ key: String) -> [TOMLTable]? {
        guard let elements = array(key) else { return nil }
        var tables: [TOMLTable] = []
        tables.reserveCapacity(elements.count)
        for element in elements {
            guard case .table(let table) = element else { return nil }
            tables.append(table)
        }
        return tables
    }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        guard lhs.keys.count == rhs.keys.count else { return false }
        for (key, entry) in zip(lhs.keys, lhs.entries) {
            guard let other = rhs.entry(key), other.value == entry.value else { return false }
        }
        return true
    }
}
