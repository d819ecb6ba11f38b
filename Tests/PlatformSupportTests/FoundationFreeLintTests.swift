import Foundation
import TestSupport
import Testing

/// The app links FoundationEssentials only: swift-corelibs Foundation brings CoreFoundation's
/// initialiser and ICU (~50 MB of binary, ~0.7 ms of every process start; issue 13). Every
/// module in Sources builds with MemberImportVisibility, so Foundation's members cannot leak in
/// through a dependency; this catches an `import Foundation` (or of its international half).
@Suite("Foundation-free lint")
struct FoundationFreeLintTests {
    static let forbiddenModules: Set<String> = ["Foundation", "FoundationInternationalization", "FoundationNetworking", "CoreFoundation"]

    static func violations(in text: String, file: String) -> [String] {
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ")
            guard let importIndex = words.firstIndex(of: "import"), importIndex + 1 < words.count else { continue }
            // `import Foundation`, `@preconcurrency import Foundation`, `import struct Foundation.X`
            let target = words[words.count - 1].split(separator: ".").first.map(String.init) ?? ""
            if forbiddenModules.contains(target), words[..<importIndex].allSatisfy({ $0.hasPrefix("@") }) {
                found.append("\(file):\(number + 1)")
            }
        }
        return found
    }

    @Test func noSourceImportsFoundation() throws {
        let (files, found) = try ProjectSources.lint(Self.violations)
        #expect(files > 50, "the Sources directory was not found")
        #expect(found.isEmpty, "import FoundationEssentials (and Glibc/Dispatch) instead: \(found.joined(separator: ", "))")
    }

    @Test func theLintSeesTheShapesOfAnImport() {
        #expect(Self.violations(in: "import Foundation", file: "a").count == 1)
        #expect(Self.violations(in: "@preconcurrency import Foundation", file: "a").count == 1)
        #expect(Self.violations(in: "import struct Foundation.Date", file: "a").count == 1)
        #expect(Self.violations(in: "import FoundationEssentials\n// import Foundation is gone", file: "a").isEmpty)
    }
}
