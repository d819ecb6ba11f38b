import AuthEngine
import FoundationEssentials
import PlatformSupport
import Glibc

/// What the list's filter searches: each account's name, provider id, provider short name and
/// user. Names and users are matched in the configured accounts' own strings, ignoring ASCII
/// case as they are compared (no lower-cased copy per account: with 100,000 accounts those
/// copies were megabytes of the UI's memory); the provider's two texts are lower-cased once per
/// provider, matched once per keystroke, and each account keeps its provider's number.
///
/// Matching is case-insensitive for every script `lowercased()` folds: an account whose name or
/// user is not ASCII (rare) is matched on a lower-cased copy of them, kept for it alone. Unlike a
/// `Character` comparison it does not treat canonically equivalent spellings (a precomposed "é"
/// and "e" + combining accent) as equal.
struct FilterHaystacks: Sendable {
    /// Per account, its provider's place in `providerTexts`.
    private var providerOfAccount: [Int32] = []
    /// Per provider: its id and short name, lower-cased UTF-8.
    private var providerTexts: [(id: [UInt8], shortName: [UInt8])] = []
    /// The accounts whose name or user is not ASCII, in increasing order, and their lower-cased
    /// name and user.
    private var foldedPositions: [Int32] = []
    private var foldedTexts: [(name: [UInt8], user: [UInt8])] = []

    init() {}

    init(accounts: [AccountConfig], catalog: ProviderCatalog) {
        var providerNumbers: [String: Int32] = [:]
        providerOfAccount.reserveCapacity(accounts.count)
        for (position, account) in accounts.enumerated() {
            let number: Int32
            if let known = providerNumbers[account.providerID] {
                number = known
            } else {
                number = Int32(truncatingIfNeeded: providerTexts.count)
                providerNumbers[account.providerID] = number
                providerTexts.append((Array(account.providerID.lowercased().utf8), Array(catalog.shortName(of: account).lowercased().utf8)))
            }
            providerOfAccount.append(number)
            let user = account.username ?? ""
            if !Self.isASCII(account.name) || !Self.isASCII(user) {
                foldedPositions.append(Int32(truncatingIfNeeded: position))
                foldedTexts.append((Array(account.name.lowercased().utf8), Array(user.lowercased().utf8)))
            }
        }
    }

    var accountCount: Int { providerOfAccount.count }

    /// The filter text as it is matched: trimmed and lower-cased UTF-8 (empty: no filter).
    static func needle(of filterText: String) -> [UInt8] {
        Array(filterText.trimmedWhitespace().lowercased().utf8)
    }

    /// Whether `a`'s bytes contain `b`'s (a longer filter that contains the previous one can
    /// only match accounts the previous one matched).
    static func bytes(_ a: [UInt8], contain b: [UInt8]) -> Bool {
        guard !b.isEmpty else { return true }
        guard a.count >= b.count else { return false }
        return a.withUnsafeBytes { ha in
            b.withUnsafeBytes { nb in
                guard let h = ha.baseAddress, let n = nb.baseAddress else { return false }
                return contains(h, ha.count, n, nb.count)
            }
        }
    }

    /// For each account position in `candidates`, whether any of its fields contains `needle`;
    /// the answer has one flag per account (false for those not among the candidates).
    /// `accounts`: the ones these haystacks were built from.
    func matches(_ needle: [UInt8], in accounts: [AccountConfig], among candidates: some Sequence<Int>) -> [Bool] {
        var result = [Bool](repeating: false, count: accountCount)
        guard !needle.isEmpty, accounts.count == accountCount else { return result }
        let providerMatches = providerTexts.map { Self.bytes($0.id, contain: needle) || Self.bytes($0.shortName, contain: needle) }
        needle.withUnsafeBytes { pattern in accounts.withUnsafeBufferPointer { accounts in
            for position in candidates where position >= 0 && position < accountCount {
                if providerMatches[Int(providerOfAccount[position])] {
                    result[position] = true
                    continue
                }
                if !foldedPositions.isEmpty, let folded = foldedIndex(of: position) {
                    let texts = foldedTexts[folded]
                    result[position] = Self.bytes(texts.name, contain: needle) || Self.bytes(texts.user, contain: needle)
                    continue
                }
                // The two fields, not the whole `AccountConfig` (copying it retained every field).
                if Self.asciiFoldedContains(accounts[position].name, pattern) {
                    result[position] = true
                } else if let user = accounts[position].username {
                    result[position] = Self.asciiFoldedContains(user, pattern)
                }
            }
        } }
        return result
    }

    private func foldedIndex(of position: Int) -> Int? {
        var low = 0
        var high = foldedPositions.count
        while low < high {
            let mid = (low + high) / 2
            if Int(foldedPositions[mid]) < position { low = mid + 1 } else { high = mid }
        }
        return low < foldedPositions.count && Int(foldedPositions[low]) == position ? low : nil
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether ASCII `text` contains the lower-cased `needle`, upper-case ASCII letters in `text`
    /// compared as lower-case ones: what `text.lowercased()` containing it means for ASCII text.
    private static func asciiFoldedContains(_ text: String, _ needle: UnsafeRawBufferPointer) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = needle.count
            guard count > 0, bytes.count >= count else { return count == 0 }
            let first = needle[0]
            for start in 0...(bytes.count - count) where fold(bytes[start]) == first {
                var offset = 1
                while offset < count, fold(bytes[start + offset]) == needle[offset] { offset += 1 }
                if offset == count { return true }
            }
            return false
        }
        return found ?? bytes(Array(text.lowercased().utf8), contain: Array(needle))
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Whether the `count` bytes at `haystack` contain the `needleCount` (> 0) bytes at `needle`.
    /// (Glibc's `memmem` is not visible to Swift without `_GNU_SOURCE`.)
    private static func contains(_ haystack: UnsafeRawPointer, _ count: Int, _ needle: UnsafeRawPointer, _ needleCount: Int) -> Bool {
        guard needleCount > 0, count >= needleCount else { return needleCount == 0 }
        let first = Int32(needle.load(as: UInt8.self))
        var start = haystack
        let lastStart = haystack + (count - needleCount)
        while start <= lastStart {
            guard let found = memchr(start, first, lastStart - start + 1) else { return false }
            let candidate = UnsafeRawPointer(found)
            if memcmp(candidate, needle, needleCount) == 0 { return true }
            start = candidate + 1
        }
        return false
    }

    /// The places `needle` (already lower-cased) occurs in `text` as shown, as ranges of
    /// `Character` offsets, for highlighting. Compared character by character after
    /// lower-casing each, so a match lines up with the characters on screen.
    static func highlightRanges(of needle: String, in text: String) -> [Range<Int>] {
        guard !needle.isEmpty, !text.isEmpty else { return [] }
        let lowered = text.map { String($0).lowercased() }
        var ranges: [Range<Int>] = []
        var start = 0
        while start < lowered.count {
            var matched = ""
            var end = start
            while end < lowered.count, needle.hasPrefix(matched + lowered[end]) {
                matched += lowered[end]
                end += 1
                if matched.count == needle.count { break }
            }
            if matched == needle, end > start {
                ranges.append(start..<end)
                start = end
            } else {
                start += 1
            }
        }
        return ranges
    }
}
