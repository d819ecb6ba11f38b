import FoundationEssentials

/// What the store's streaming reads keep of each entry (`TokenStoreStream`): each keeps its
/// answer and drops the entry's text, so a read holds its answer plus one chunk of the file.
enum TokenStoreEntrySinks {
    /// Every entry reduced to its expiry, in file order (`TokenStore.expiries()`).
    struct Expiries: TokenStoreEntrySink {
        private var names: [String] = []
        private var entries: [StoredExpiry] = []

        mutating func restart() {
            names = []
            entries = []
        }

        mutating func entry(_ name: String, _ text: ArraySlice<UInt8>) {
            names.append(name)
            entries.append(TokenStoreFile.expiry(text))
        }

        /// In arrays of their exact size: grown by doubling, they held up to twice the room, and
        /// `tokenman list` keeps them while it loads the config (its peak memory).
        var expiries: StoredExpiries {
            StoredExpiries(names: names.withUnsafeBufferPointer { Array($0) }, entries: entries.withUnsafeBufferPointer { Array($0) })
        }
    }

    /// Every entry decoded (`TokenStore.snapshot()`).
    struct Snapshot: TokenStoreEntrySink {
        private(set) var snapshot = TokenStoreSnapshot()

        mutating func restart() { snapshot = TokenStoreSnapshot() }

        mutating func entry(_ name: String, _ text: ArraySlice<UInt8>) {
            snapshot.record(TokenStoreFile.decodeEntry(text), for: name)
        }
    }

    /// The texts of the last entries of some names (the coalesced loads of renewals), decoded
    /// once the file is known to be whole and of a supported version.
    struct Named: TokenStoreEntrySink {
        let names: Set<String>
        private var texts: [String: [UInt8]] = [:]

        init(_ names: Set<String>) { self.names = names }

        mutating func restart() { texts = [:] }

        mutating func entry(_ name: String, _ text: ArraySlice<UInt8>) {
            if names.contains(name) { texts[name] = Array(text) }
        }

        var entries: [String: TokenStoreFile.Entry] { texts.mapValues { TokenStoreFile.decodeEntry($0[...]) } }
    }

    /// The text of one name's last entry (the cached `tokenman token`): a comparison per entry,
    /// no hashing.
    struct One: TokenStoreEntrySink {
        let name: String
        private var text: [UInt8]?

        init(_ name: String) { self.name = name }

        mutating func restart() { text = nil }

        mutating func entry(_ name: String, _ text: ArraySlice<UInt8>) {
            if name == self.name { self.text = Array(text) }
        }

        var entry: TokenStoreFile.Entry? { text.map { TokenStoreFile.decodeEntry($0[...]) } }
    }
}
