import Foundation
import Testing
@testable import TerminalUI

/// Copies marked sensitive where the tool can, the secret on stdin only, and OSC 52 alone
/// over SSH. The tools are fake shell scripts that record their arguments and stdin.
@Suite struct ClipboardSensitivityTests {
    /// A temporary directory of fake tools; each writes `NAME.args` (one argument a line)
    /// and `NAME.stdin` next to itself.
    struct FakeTools {
        let directory: String

        init(_ tools: [String: String]) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("clip-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, help) in tools {
                let script = """
                #!/bin/sh
                dir=$(dirname "$0")
                if [ "$1" = "--help" ]; then printf '%s\\n' '\(help)'; exit 0; fi
                : > "$dir/\(name).args"
                for a in "$@"; do printf '%s\\n' "$a" >> "$dir/\(name).args"; done
                cat > "$dir/\(name).stdin"
                exit 0
                """
                let path = directory + "/" + name
                try script.write(toFile: path, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            }
        }

        func recorded(_ name: String) -> (arguments: [String], stdin: String)? {
            guard let arguments = try? String(contentsOfFile: directory + "/\(name).args", encoding: .utf8),
                  let stdin = try? String(contentsOfFile: directory + "/\(name).stdin", encoding: .utf8) else { return nil }
            return (arguments.split(separator: "\n").map(String.init), stdin)
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    static let secret = "eyJsecret.token.value"

    @Test func wlCopyWithSensitiveGetsTheFlagAndTheSecretOnStdin() throws {
        let tools = try FakeTools([
            "wl-copy": "Usage: wl-copy [options] text...  -s, --sensitive  Hint that the data is sensitive",
            "wl-paste": "Usage: wl-paste",
        ])
        defer { tools.remove() }
        let tool = try #require(ClipboardTool.detect(environment: ["PATH": tools.directory, "WAYLAND_DISPLAY": "wayland-0"]))
        #expect(tool.kind == .wlCopy)
        #expect(tool.marksSensitive)
        #expect(tool.copy(Self.secret))
        let recorded = try #require(tools.recorded("wl-copy"))
        #expect(recorded.arguments == ["--sensitive"])
        #expect(recorded.stdin == Self.secret)
    }

    @Test func olderWlCopyWithoutTheOptionGetsNoFlag() throws {
        let tools = try FakeTools(["wl-copy": "Usage: wl-copy [options] text...  -o, --paste-once", "wl-paste": "Usage"])
        defer { tools.remove() }
        let tool = try #require(ClipboardTool.detect(environment: ["PATH": tools.directory, "WAYLAND_DISPLAY": "wayland-0"]))
        #expect(!tool.marksSensitive)
        #expect(tool.copy(Self.secret))
        let recorded = try #require(tools.recorded("wl-copy"))
        #expect(recorded.arguments.isEmpty)
        #expect(recorded.stdin == Self.secret)
    }

    @Test func xclipCopiesTextOnlyWithTheSecretOnStdin() throws {
        let tools = try FakeTools(["xclip": "usage: xclip", "xsel": "usage: xsel"])
        defer { tools.remove() }
        let tool = try #require(ClipboardTool.detect(environment: ["PATH": tools.directory, "DISPLAY": ":0"]))
        #expect(tool.kind == .xclip)
        #expect(tool.copy(Self.secret))
        let recorded = try #require(tools.recorded("xclip"))
        #expect(recorded.arguments == ["-selection", "clipboard", "-in"])
        #expect(!recorded.arguments.joined().contains(Self.secret))
        #expect(recorded.stdin == Self.secret)
    }

    @Test func overSSHOnlyOSC52CopiesEvenWithALocalTool() throws {
        let tools = try FakeTools(["wl-copy": "--sensitive", "wl-paste": "", "xclip": ""])
        defer { tools.remove() }
        let environment = ["PATH": tools.directory, "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "SSH_TTY": "/dev/pts/3"]
        #expect(ClipboardTool.detect(environment: environment) == nil)
        let clipboard = Clipboard(tool: ClipboardTool.detect(environment: environment), insideTmux: false)
        let effects = clipboard.copy(Self.secret, label: "token") { "\($0)" }
        guard case .writeToTerminal(let bytes) = effects.first?.action else {
            Issue.record("expected OSC 52 first")
            return
        }
        #expect(bytes == OSC52.copySequence(Self.secret))
        #expect(tools.recorded("wl-copy") == nil)
    }

    @Test func helpIsAskedOnceAtDetection() {
        var asked: [String] = []
        let tool = ClipboardTool.detect(
            environment: ["WAYLAND_DISPLAY": "wayland-0"], isExecutable: { _ in true },
            helpText: { asked.append($0); return "--sensitive" })
        #expect(tool?.marksSensitive == true)
        #expect(asked == ["wl-copy"])
        #expect(tool?.copyArguments == ["--sensitive"])
    }
}
