import Foundation
import TestSupport
import Testing

/// `Int(someDouble)` traps on out-of-range values and NaN, and every Double in this program may
/// hold a number from outside (a provider's `expires_in`, a JWT `exp`, a config duration). So
/// floating-point values become integers only through `Int(clamping:rounding:)`: this test reads
/// every source file and fails on the shapes that convert a floating-point value directly.
@Suite("Checked conversion lint")
struct CheckedConversionLintTests {
    /// A direct integer conversion whose argument is rounded, a time interval, or scaled time.
    static var forbidden: Regex<AnyRegexOutput> { try! Regex(
        #"\b(U?Int(8|16|32|64)?)\((?!clamping:|exactly:|bitPattern:|truncatingIfNeeded:)[^()]*(\.rounded\(|timeInterval|TimeInterval|\* ?1_?000|seconds\b|wait\b|delay\b|lifetime\b|interval\b|timeout\b)"#) }

    static func violations(in text: String, file: String) -> [String] {
        let forbidden = Self.forbidden
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if code.contains(forbidden) { found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))") }
        }
        return found
    }

    @Test func noSourceConvertsAFloatingPointValueUnchecked() throws {
        let (files, found) = try ProjectSources.lint(Self.violations)
        #expect(files > 50, "the Sources directory was not found")
        #expect(found.isEmpty, "use Int(clamping:rounding:) for: \(found.joined(separator: "; "))")
    }

    /// The lint itself: the shapes that trapped before are caught, the checked ones are not.
    @Test func lintCatchesTheShapesThatTrapped() {
        for bad in [
            "let total = Int(seconds.rounded(.up))",
            "Int(options.timeout * 1000), Int(options.connectTimeout * 1000)",
            "return \"Retry in \\(Int(wait.rounded(.up)))s.\"",
            "try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))",
            "let expiresAt = lifetime.map { issuedAt + Int($0.rounded()) }",
        ] {
            #expect(!Self.violations(in: bad, file: "x").isEmpty, "\(bad)")
        }
        for good in [
            "let total = Int(clamping: seconds, rounding: .up)",
            "let n = Int(exactly: value)",
            "let code = Int32(bitPattern: UInt32(value))",
            "let width = Int(getmaxx(window))",
        ] {
            #expect(Self.violations(in: good, file: "x").isEmpty, "\(good)")
        }
    }
}
