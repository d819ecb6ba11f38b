/// A table under construction. The parser needs shared, mutable tables (a header reopens a table
/// created earlier) and must remember *how* each table came to exist, because TOML's rules about
/// redefinition depend on it. Once the document is parsed, nodes are frozen into `TOMLTable`s.
final class TableNode {
    /// How a table was created; decides what may later extend or redefine it.
    enum Origin {
        case root
        /// Created as a parent by a header such as `[a.b]` (for `a`); a later `[a]` may still define it.
        case implicit
        /// Defined by its own `[header]` or `[[header]]`; can never be defined again.
        case header
        /// Created by a dotted key (`a.b = 1` creates `a`); only further dotted keys in the same table may extend it.
        case dottedKey
        /// An inline table `{ ... }`: complete as written.
        case inline
    }

    /// What a key holds, as the redefinition rules need to see it.
    enum Slot {
        /// A finished value, including inline tables and static arrays, which can never be extended.
        case value(TOMLValue)
        case table(TableNode)
        case tableArray(TableArrayNode)
    }

    struct Child {
        enum Kind {
            case table(TableNode)
            case tableArray(TableArrayNode)
        }
        var kind: Kind
        var line: Int
    }

    private(set) var keys: [String] = []
    /// Finished values, stored in their frozen form so that freezing reuses this dictionary
    /// instead of hashing every key again. Most keys of a config file live here.
    private var values: [String: TOMLTable.Entry] = [:]
    /// Tables and arrays of tables that may still grow.
    private var children: [String: Child] = [:]
    var line: Int
    var origin: Origin

    init(line: Int, origin: Origin) {
        self.line = line
        self.origin = origin
    }

    /// What `key` holds and the line it was defined on, or nil if it is not defined yet.
    func lookup(_ key: String) -> (slot: Slot, line: Int)? {
        if !children.isEmpty, let child = children[key] {
            switch child.kind {
            case .table(let node): return (.table(node), child.line)
            case .tableArray(let array): return (.tableArray(array), child.line)
            }
        }
        if let entry = values[key] {
            return (.value(entry.value), entry.line)
        }
        return nil
    }

    /// Adds a finished value. Returns the line of the existing definition instead if `key` is taken
    /// (the table is then left inconsistent, which is fine: the parse fails).
    func addValue(_ key: String, _ value: TOMLValue, line: Int) -> Int? {
        if !children.isEmpty, let existing = children[key] {
            return existing.line
        }
        if let existing = values.updateValue(TOMLTable.Entry(value: value, line: line), forKey: key) {
            return existing.line
        }
        keys.append(key)
        return nil
    }

    /// Adds a table or array of tables under a key that is known to be free.
    func addChild(_ key: String, _ kind: Child.Kind, line: Int) {
        keys.append(key)
        children[key] = Child(kind: kind, line: line)
    }

    /// Moves the recorded definition line of a child (when an implicit table gets its own header).
    func setLine(_ line: Int, ofChild key: String) {
        children[key]?.line = line
    }

    func freeze() -> TOMLTable {
        var entries = values
        for (key, child) in children {
            let value: TOMLValue
            switch child.kind {
            case .table(let node):
                value = .table(node.freeze())
            case .tableArray(let array):
                value = .array(array.elements.map { .table($0.freeze()) })
            }
            entries[key] = TOMLTable.Entry(value: value, line: child.line)
        }
        return TOMLTable(keys: keys, entries: entries, line: line)
    }
}

/// The elements of an array of tables under construction. A reference, so each `[[name]]`
/// appends in place instead of copying the array out of its parent's dictionary and back.
final class TableArrayNode {
    var elements: [TableNode]

    init(first: TableNode) {
        elements = [first]
    }
}
