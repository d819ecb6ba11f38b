/// The account list's name order: case-insensitive (ASCII letters), digit runs by value
/// ("acct-2" before "acct-10"), everything else by Unicode scalar; names equal under those rules
/// fall back to plain byte order, so the order is total and the same on every run.
///
/// It replaced Foundation's `localizedStandardCompare`, which loads ICU's locale and collation
/// data on first use (most of a millisecond of the first frame, issue 13) and orders names
/// differently under different `LANG`s. Walks the UTF-8 bytes without allocating; UTF-8 byte
/// order is scalar order, so non-ASCII names compare by scalar.
enum NaturalNameOrder {
    /// Whether `lhs` comes before `rhs`.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Negative, zero or positive as `lhs` sorts before, with, or after `rhs`.
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in rhs.withUTF8 { right in compare(left, right) } }
    }

    static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0, j = 0
        while i < left.count, j < right.count {
            let a = left[i], b = right[j]
            if isDigit(a), isDigit(b) {
                let order = compareDigitRuns(left, &i, right, &j)
                if order != 0 { return order }
                continue
            }
            let foldedA = folded(a), foldedB = folded(b)
            if foldedA != foldedB { return foldedA < foldedB ? -1 : 1 }
            i += 1
            j += 1
        }
        if i < left.count { return 1 }
        if j < right.count { return -1 }
        // Equal but for case or leading zeros: byte order keeps the result total.
        return bytewise(left, right)
    }

    /// Compares the digit runs starting at `i` and `j` by value and moves both past them.
    private static func compareDigitRuns(
        _ left: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ right: UnsafeBufferPointer<UInt8>, _ j: inout Int
    ) -> Int {
        while i < left.count, left[i] == UInt8(ascii: "0"), i + 1 < left.count, isDigit(left[i + 1]) { i += 1 }
        while j < right.count, right[j] == UInt8(ascii: "0"), j + 1 < right.count, isDigit(right[j + 1]) { j += 1 }
        var endA = i, endB = j
        while endA < left.count, isDigit(left[endA]) { endA += 1 }
        while endB < right.count, isDigit(right[endB]) { endB += 1 }
        // Without leading zeros, a longer run is a larger number.
        if endA - i != endB - j { return endA - i < endB - j ? -1 : 1 }
        while i < endA {
            if left[i] != right[j] { return left[i] < right[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        return 0
    }

    private static func bytewise(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        for (a, b) in zip(left, right) where a != b { return a < b ? -1 : 1 }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
