import Foundation
@testable import ProviderSimulator
import Testing

@Suite struct WhitespaceTrimmingTests {
    /// Header values and bearer tokens were trimmed with `trimmingCharacters(in: .whitespaces)`.
    @Test func trimsWhatFoundationsWhitespaceSetTrimmed() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)\(scalar) a\(scalar)b \(scalar)"
            let foundation = text.trimmingCharacters(in: .whitespaces)
            if Array(text.trimmingWhitespace().unicodeScalars) != Array(foundation.unicodeScalars) {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "U+\(mismatches.prefix(10).joined(separator: ", U+"))")
        #expect(" \t Bearer  \u{A0}".trimmingWhitespace() == "Bearer")
        #expect("\r\nx\n".trimmingWhitespace() == "\r\nx\n")
        #expect(" \t ".trimmingWhitespace() == "")
    }
}
