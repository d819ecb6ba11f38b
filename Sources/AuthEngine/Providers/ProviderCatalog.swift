/// The providers an installation knows: the built-ins plus `[providers.NAME]` blocks of the
/// config. A custom block with a built-in's id replaces it (to adjust a path or a lifetime
/// without waiting for a release).
public struct ProviderCatalog: Sendable, Equatable {
    public private(set) var all: [ProviderDefinition]

    public init(custom: [ProviderDefinition] = []) {
        var merged = ProviderDefinition.builtIns
        for definition in custom {
            if let index = merged.firstIndex(where: { $0.id == definition.id }) {
                merged[index] = definition
            } else {
                merged.append(definition)
            }
        }
        all = merged
    }

    /// Case-insensitive, as ids are typed by people.
    public func definition(id: String) -> ProviderDefinition? {
        index(id: id).map { all[$0] }
    }

    /// Where `definition(id:)` is in `all`: for callers that read a field or two of the
    /// definition per account, since a copy of the whole definition retains its dozens of
    /// strings (copying one per account was a tenth of the config decode at 10,000 accounts).
    public func index(id: String) -> Int? {
        // ASCII ids (all of them in practice) are compared without allocating: this runs for
        // every account of `tokenman list`.
        if id.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) ?? id.utf8.allSatisfy({ $0 < 0x80 }) {
            return all.firstIndex { Self.asciiEqualIgnoringCase($0.id, id) }
        }
        let wanted = id.lowercased()
        return all.firstIndex { $0.id.lowercased() == wanted }
    }

    /// `a.lowercased() == b.lowercased()` when `b` is ASCII (a non-ASCII `a` cannot match then).
    /// Over the strings' contiguous bytes where they have them (always, for native strings).
    private static func asciiEqualIgnoringCase(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        func same(_ x: UInt8, _ y: UInt8) -> Bool {
            x < 0x80 && (x == y || (x | 0x20 == y | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(x | 0x20)))
        }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in zip(x, y).allSatisfy(same) }
        }
        return (fast ?? nil) ?? zip(a.utf8, b.utf8).allSatisfy(same)
    }

    public var ids: [String] { all.map(\.id) }
}
