/// The order in which `JSONSerialization`'s `.sortedKeys` wrote object keys, kept so that answers
/// stay byte-identical. That order is not byte order: Foundation compared keys case-insensitively
/// and numerically, in collation order (`_` before digits before letters), lowercase first among
/// keys that differ only in case. So `USER_ID_FOR_SRP` follows `requiredAttributes`, and
/// `access_token` precedes `AccessToken`.
///
/// Exact for keys made of ASCII letters, digits and `_`, which is every key the simulator
/// writes (JSONWriterTests checks the order against Foundation). Other characters sort after
/// those, by code point; Foundation's collation of punctuation and non-ASCII text is not imitated.
enum JSONKeyOrder {
    static func areInIncreasingOrder(_ first: String, _ second: String) -> Bool {
        let firstElements = elements(of: first), secondElements = elements(of: second)
        if firstElements != secondElements {
            return firstElements.lexicographicallyPrecedes(secondElements)
        }
        // Equal but for case or leading zeros: the first differing byte decides, and lowercase
        // letters (0x61…) come before uppercase (0x41…), the reverse of byte order.
        for (a, b) in zip(first.utf8, second.utf8) where a != b {
            return a > b
        }
        return first.utf8.count < second.utf8.count
    }

    /// What one position compares as: an underscore, a run of digits by its value, a letter
    /// without its case, or any other code point.
    private enum Element: Comparable {
        case underscore
        /// The digits without leading zeros: longer is larger, equal lengths compare as text.
        case number(String)
        case letter(UInt8)
        case other(UInt32)

        static func < (lhs: Element, rhs: Element) -> Bool {
            switch (lhs, rhs) {
            case (.number(let a), .number(let b)): a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
            case (.letter(let a), .letter(let b)): a < b
            case (.other(let a), .other(let b)): a < b
            default: lhs.rank < rhs.rank
            }
        }

        private var rank: Int {
            switch self {
            case .underscore: 0
            case .number: 1
            case .letter: 2
            case .other: 3
            }
        }
    }

    private static func elements(of key: String) -> [Element] {
        var result: [Element] = []
        var digits = ""
        func flushDigits() {
            guard !digits.isEmpty else { return }
            let significant = digits.drop(while: { $0 == "0" })
            result.append(.number(significant.isEmpty ? "0" : String(significant)))
            digits = ""
        }
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                digits.unicodeScalars.append(scalar)
                continue
            case 0x41...0x5A, 0x61...0x7A:
                flushDigits()
                result.append(.letter(UInt8(scalar.value) | 0x20))
            case 0x5F:
                flushDigits()
                result.append(.underscore)
            default:
                flushDigits()
                result.append(.other(scalar.value))
            }
        }
        flushDigits()
        return result
    }
}
