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

    enum Slot {
        /// A finished value, including inline tables and static arrays, which can never be extended.
        case value(TOMLValue)
        case table(TableNode)
        /// `[[name]]` elements, in order; never empty.
        case tableArray([TableNode])
    }

    struct Entry {
        var slot: Slot
        var line: Int
    }

    var keys: [String] = []
    var entries: [String: Entry] = [:]
    var line: Int
    var origin: Origin

    init(line: Int, origin: Origin) {
        self.line = line
        self.origin = origin
    }

    func add(_ key: String, _ slot: Slot, line: Int) {
        keys.append(key)
        entries[key] = Entry(slot: slot, line: line)
    }

    func freeze() -> TOMLTable {
        var frozen: [String: TOMLTable.Entry] = [:]
        frozen.reserveCapacity(entries.count)
        for (key, entry) in entries {
            let value: TOMLValue
            switch entry.slot {
            case .value(let plain):
                value = plain
            case .table(let node):
                value = .table(node.freeze())
            case .tableArray(let nodes):
                value = .array(nodes.map { .table($0.freeze()) })
            }
            frozen[key] = TOMLTable.Entry(value: value, line: entry.line)
        }
        return TOMLTable(keys: keys, entries: frozen, line: line)
    }
}
