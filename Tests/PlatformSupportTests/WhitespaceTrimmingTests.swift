import Foundation
import PlatformSupport
import Testing

@Suite struct WhitespaceTrimmingTests {
    /// Header values, bearer tokens and config values were trimmed with `trimmingCharacters(in: .whitespaces)`.
    @Test func trimsWhatFoundationsWhitespaceSetTrimmed() {
        var mismatches: [String] = []
        // Every code point below U+3100 (all of Unicode's spaces but one live there) and
        // U+FE00...U+FEFF, and every 61st beyond: the whole range took seconds of a pool
        // thread, which starved timing tests running beside it.
        let values = Array(UInt32(0)...0x3100) + Array(UInt32(0xFE00)...0xFEFF) + Array(stride(from: UInt32(0x3101), through: 0x10FFFF, by: 61))
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)\(scalar) a\(scalar)b \(scalar)"
            let foundation = text.trimmingCharacters(in: .whitespaces)
            if Array(text.trimmedWhitespace().unicodeScalars) != Array(foundation.unicodeScalars) {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "U+\(mismatches.prefix(10).joined(separator: ", U+"))")
        #expect(" \t Bearer  \u{A0}".trimmedWhitespace() == "Bearer")
        #expect("\r\nx\n".trimmedWhitespace() == "\r\nx\n")
        #expect(" \t ".trimmedWhitespace() == "")
    }
}
