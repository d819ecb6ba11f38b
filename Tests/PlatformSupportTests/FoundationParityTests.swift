import Foundation
import Testing
@testable import PlatformSupport

/// PlatformSupport replaces a few Foundation calls (issue 13); these pin them to what
/// Foundation answers for the same input. The tests may link Foundation; the app does not.
@Suite struct FoundationParityTests {
    static let paths = [
        "", "/", "a", "a/", "/a", "/a/", "/a/b", "/a/b/", "a/b", "a//b", "/a//b//", "./a", "../a/b", "~/x/y.toml",
        "/tmp/tokenman/tokens.json", "dir with space/file", "ü/ß",
    ]

    @Test func lastAndParentComponentsMatchNSString() {
        for path in Self.paths {
            #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent, "last of \(path)")
            // swift-corelibs-foundation traps on a one-component relative path ("a", "a/").
            let relativeSingleComponent = !path.isEmpty && !path.hasPrefix("/") && !path.dropLast().contains("/")
            if relativeSingleComponent { continue }
            #expect(PathText.deletingLastComponent(path) == (path as NSString).deletingLastPathComponent, "parent of \(path)")
        }
    }

    @Test func joinMatchesNSStringForWhatTheAppJoins() {
        let directories = ["/tmp", "/tmp/", "/", "rel", "rel/", "~"]
        let components = ["tokens.json", "locks/6162.lock", ".tokens.json.x.tmp", "tokenman/config.toml"]
        for directory in directories {
            for component in components {
                #expect(PathText.join(directory, component) == (directory as NSString).appendingPathComponent(component), "\(directory) + \(component)")
            }
        }
        #expect(PathText.join("", "a") == "a")
    }

    /// Where NSString keeps doubled slashes (it strips only one), the result names the same
    /// file with one slash.
    @Test func doubledSlashesCollapseWhereNSStringKeptThem() {
        #expect(PathText.join("/a//", "b") == "/a/b")
        #expect(PathText.lastComponent("//") == "/")
        #expect(PathText.deletingLastComponent("//") == "/")
        #expect(PathText.deletingLastComponent("a") == "")
        #expect(PathText.deletingLastComponent("a/") == "")
    }

    static let texts = [
        "", " ", "  a  ", "\tb\t", "\n c \n", "\r\n", "a b", "\u{00A0}x\u{3000}", "\u{2028}y\u{2029}", " \u{85}z ",
        "é ", " \u{301}", "line\n", "\n\n", "\u{200B}w\u{200B}",
    ]

    @Test func trimmingMatchesFoundationsCharacterSets() {
        for text in Self.texts {
            #expect(text.trimmedWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text.trimmedWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)"
            )
            #expect(text.trimmedNewlines() == text.trimmingCharacters(in: .newlines), "\(text.debugDescription)")
        }
    }

    @Test func paddingMatchesFoundationForASCIIAndCountsCharactersOtherwise() {
        for (text, width) in [("ab", 5), ("abcdef", 3), ("", 2), ("abc", 3), ("x", 0)] {
            #expect(text.paddedOrCut(toLength: width) == text.padding(toLength: width, withPad: " ", startingAt: 0))
        }
        // Foundation counts UTF-16 units (two for this emoji); a Character is one cell here.
        #expect("🙂".paddedOrCut(toLength: 3) == "🙂  ")
        #expect("日本語".paddedOrCut(toLength: 2) == "日本")
    }
}

@Suite struct ProcessEnvironmentTests {
    @Test func matchesProcessInfo() {
        #expect(ProcessEnvironment.variables == ProcessInfo.processInfo.environment)
        #expect(ProcessEnvironment.variables["PATH"] != nil)
    }

    @Test func seesChangesMadeAfterStart() {
        setenv("TOKENMAN_PROCESS_ENVIRONMENT_TEST", "one=two", 1)
        defer { unsetenv("TOKENMAN_PROCESS_ENVIRONMENT_TEST") }
        #expect(ProcessEnvironment.variables["TOKENMAN_PROCESS_ENVIRONMENT_TEST"] == "one=two")
    }
}
