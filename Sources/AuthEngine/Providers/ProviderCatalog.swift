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
        let wanted = id.lowercased()
        return all.first { $0.id.lowercased() == wanted }
    }

    public var ids: [String] { all.map(\.id) }
}
