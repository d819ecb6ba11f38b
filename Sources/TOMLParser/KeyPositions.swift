/// Where each key of a table sits in the table's list of keys (`TOMLTable`, `TableNode`).
///
/// Tables in config files hold a handful of keys: a linear scan that compares lengths first
/// beats hashing the key, and hashing every key of 10,000 `[[accounts]]` blocks once when
/// parsed and again at each of the decoder's lookups was a tenth of `tokenman list`. Past
/// `linearLimit` keys a dictionary is built and kept up to date, so a large table stays O(1).
/// Keys are equal as Strings are (canonical equivalence), as the dictionary compares them.
struct KeyPositions: Sendable {
    static let linearLimit = 16
    private var dictionary: [String: Int]?
    /// Whether every key is ASCII. Only between ASCII texts does a different UTF-8 length mean
    /// a different String: a precomposed "é" equals a decomposed one, two bytes against three.
    private var allASCII = true

    init() {}

    /// The position of `key` in `keys` (the list this index belongs to), nil when absent.
    func position(of key: String, in keys: [String]) -> Int? {
        if let dictionary { return dictionary[key] }
        if allASCII {
            let length = key.utf8.count
            for index in keys.indices where keys[index].utf8.count == length && keys[index] == key {
                return index
            }
            // Missed by length: only a key that is not ASCII may still equal one of them.
            guard !Self.isASCII(key) else { return nil }
        }
        return keys.firstIndex(of: key)
    }

    /// Over the contiguous bytes where the string has them (always, for native strings): the
    /// generic walk over `utf8` was a few percent of parsing a large config.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Call after appending a new key to `keys`.
    mutating func didAppend(to keys: [String]) {
        guard let key = keys.last else { return }
        if allASCII, !Self.isASCII(key) { allASCII = false }
        if dictionary != nil {
            dictionary?[key] = keys.count - 1
        } else if keys.count > Self.linearLimit {
            rebuild(for: keys)
        }
    }

    /// Call after removing keys from `keys` (positions after it moved).
    mutating func rebuild(for keys: [String]) {
        allASCII = keys.allSatisfy(Self.isASCII)
        guard keys.count > Self.linearLimit else {
            dictionary = nil
            return
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() { built[key] = index }
        dictionary = built
    }
}
