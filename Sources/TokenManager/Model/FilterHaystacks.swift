import AuthEngine
import FoundationEssentials
import PlatformSupport
import Glibc

/// What the list's filter searches, lower-cased once per config change: each account's name,
/// provider id, provider short name and user, as UTF-8 in one buffer. A keystroke in the
/// filter then costs one byte search per field (`memchr` to each candidate first byte, then
/// `memcmp`), with no string allocation or Unicode case folding per account.
///
/// Matching compares lower-cased UTF-8 bytes, so it is case-insensitive for every script
/// `lowercased()` folds; unlike a `Character` comparison it does not treat canonically
/// equivalent spellings (a precomposed "é" and "e" + combining accent) as equal.
struct FilterHaystacks: Sendable {
    static let fieldsPerAccount = 4

    private var bytes: [UInt8] = []
    /// The end offset in `bytes` of each field, `fieldsPerAccount` per account; a field starts
    /// where the one before it ends.
    private var fieldEnds: [Int] = []

    init() {}

    init(accounts: [AccountConfig], catalog: ProviderCatalog) {
        fieldEnds.reserveCapacity(accounts.count * Self.fieldsPerAccount)
        for account in accounts {
            for field in [account.name, account.providerID, catalog.shortName(of: account), account.username ?? ""] {
                bytes.append(contentsOf: field.lowercased().utf8)
                fieldEnds.append(bytes.count)
            }
        }
    }

    var accountCount: Int { fieldEnds.count / Self.fieldsPerAccount }

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
    func matches(_ needle: [UInt8], among candidates: some Sequence<Int>) -> [Bool] {
        var result = [Bool](repeating: false, count: accountCount)
        guard !needle.isEmpty else { return result }
        bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return }
                for position in candidates where position >= 0 && position < accountCount {
                    let first = position * Self.fieldsPerAccount
                    var start = first == 0 ? 0 : fieldEnds[first - 1]
                    for field in first..<(first + Self.fieldsPerAccount) {
                        let end = fieldEnds[field]
                        if end - start >= pattern.count, Self.contains(base + start, end - start, patternBase, pattern.count) {
                            result[position] = true
                            break
                        }
                        start = end
                    }
                }
            }
        }
        return result
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
