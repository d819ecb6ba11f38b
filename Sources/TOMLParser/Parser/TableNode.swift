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

    /// A table or an array of tables that may still grow.
    enum Child {
        case table(TableNode)
        case tableArray(TableArrayNode)
    }

    private(set) var keys: [String] = []
    /// Parallel to `keys`: each key's value in its frozen form with its line, so that freezing a
    /// table without children is a copy of this array (no key hashed again). A child's entry
    /// holds a placeholder value until `freeze` and the child's line.
    private var entries: [TOMLTable.Entry] = []
    private var positions = KeyPositions()
    /// Position in `keys` -> child; most tables have none.
    private var children: [Int: Child] = [:]
    var line: Int
    var origin: Origin

    init(line: Int, origin: Origin) {
        self.line = line
        self.origin = origin
    }

    /// What `key` holds and the line it was defined on, or nil if it is not defined yet.
    func lookup(_ key: String) -> (slot: Slot, line: Int)? {
        guard let position = positions.position(of: key, in: keys) else { return nil }
        let line = entries[position].line
        if !children.isEmpty, let child = children[position] {
            switch child {
            case .table(let node): return (.table(node), line)
            case .tableArray(let array): return (.tableArray(array), line)
            }
        }
        return (.value(entries[position].value), line)
    }

    /// Adds a finished value. Returns the line of the existing definition instead if `key` is taken
    /// (the table is then left inconsistent, which is fine: the parse fails).
    func addValue(_ key: String, _ value: TOMLValue, line: Int) -> Int? {
        if let position = positions.position(of: key, in: keys) {
            return entries[position].line
        }
        append(key, TOMLTable.Entry(value: value, line: line))
        return nil
    }

    /// Adds a table or array of tables under a key that is known to be free.
    func addChild(_ key: String, _ child: Child, line: Int) {
        children[keys.count] = child
        append(key, TOMLTable.Entry(value: .boolean(false), line: line))
    }

    private func append(_ key: String, _ entry: TOMLTable.Entry) {
        if keys.isEmpty {
            // One allocation each for a typical table, instead of regrowing at 1, 2, 4 and 8 keys.
            keys.reserveCapacity(8)
            entries.reserveCapacity(8)
        }
        keys.append(key)
        entries.append(entry)
        positions.didAppend(to: keys)
    }

    /// Moves the recorded definition line of a child (when an implicit table gets its own header).
    func setLine(_ line: Int, ofChild key: String) {
        guard let position = positions.position(of: key, in: keys), children[position] != nil else { return }
        entries[position].line = line
    }

    func freeze() -> TOMLTable {
        var frozen = entries
        for (position, child) in children {
            switch child {
            case .table(let node):
                frozen[position].value = .table(node.freeze())
            case .tableArray(let array):
                frozen[position].value = .array(array.elements.map { .table($0.freeze()) })
            }
        }
        return TOMLTable(keys: keys, entries: frozen, positions: positions, line: line)
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
