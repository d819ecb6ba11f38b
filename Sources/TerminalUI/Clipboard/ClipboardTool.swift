import FoundationEssentials
import PlatformSupport

/// A command-line clipboard program. The secret always goes to the tool's stdin, never
/// into argv, where other users could read it from `ps` or /proc.
///
/// Copies are marked sensitive for clipboard managers where the tool can say so:
/// `wl-copy --sensitive` (when the installed wl-copy has it; asked once, at detection).
/// The X11 tools cannot: KDE's `x-kde-passwordManagerHint` is a second selection target
/// next to the text, and xclip offers exactly one target per process (a second xclip takes
/// the selection over), while xsel offers only text. See DECISIONS.md "Clipboard sensitivity".
public struct ClipboardTool: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case wlCopy = "wl-copy"
        case xclip
        case xsel
    }

    public var kind: Kind
    /// The directory the program was found in; nil: looked up through `PATH` when run.
    public var directory: String?
    /// The tool marks copies sensitive (`wl-copy --sensitive`).
    public var marksSensitive: Bool

    public init(_ kind: Kind, directory: String? = nil, marksSensitive: Bool = false) {
        self.kind = kind
        self.directory = directory
        self.marksSensitive = marksSensitive
    }

    public static let wlCopy = ClipboardTool(.wlCopy)
    public static let xclip = ClipboardTool(.xclip)
    public static let xsel = ClipboardTool(.xsel)
    public static let allCases = Kind.allCases.map { ClipboardTool($0) }

    /// The program's name, e.g. "wl-copy", for messages.
    public var rawValue: String { kind.rawValue }

    /// Arguments that read the clipboard contents from stdin.
    public var copyArguments: [String] {
        switch kind {
        case .wlCopy: return marksSensitive ? ["--sensitive"] : []
        case .xclip: return ["-selection", "clipboard", "-in"]
        case .xsel: return ["--clipboard", "--input"]
        }
    }

    /// The program and arguments that print the clipboard, for the "changed since?" check.
    public var pasteCommand: (program: String, arguments: [String]) {
        switch kind {
        case .wlCopy: return (path(of: "wl-paste"), ["--no-newline"])
        case .xclip: return (path(of: "xclip"), ["-selection", "clipboard", "-out"])
        case .xsel: return (path(of: "xsel"), ["--clipboard", "--output"])
        }
    }

    /// `name` in the tool's directory, or the bare name for a `PATH` lookup.
    private func path(of name: String) -> String {
        directory.map { $0 + "/" + name } ?? name
    }

    /// The tool to use in this environment: wl-copy under Wayland, xclip or xsel under X11,
    /// nil when there is no display (a console), none is installed, or the session is over
    /// SSH (`SSH_TTY`): a tool there would copy to the remote machine's clipboard, not the
    /// user's, so OSC 52 alone does the copy.
    ///
    /// - Parameters:
    ///   - isExecutable: a test hook; answering for a name skips the `PATH` search (and the
    ///     tool is then run through `PATH`).
    ///   - helpText: how a program's `--help` output is read (for `--sensitive`); the default
    ///     runs it once.
    public static func detect(
        environment: [String: String] = ProcessEnvironment.variables,
        isExecutable: (String) -> Bool? = { _ in nil },
        helpText: (String) -> String? = { ClipboardTool.helpText(of: $0) }
    ) -> ClipboardTool? {
        if let ssh = environment["SSH_TTY"], !ssh.isEmpty { return nil }
        let searchPath = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        /// nil: not installed; .some(nil): installed, location left to PATH.
        func location(_ name: String) -> String?? {
            if let answer = isExecutable(name) { return answer ? .some(nil) : nil }
            guard let directory = searchPath.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/" + name) }) else { return nil }
            return .some(directory)
        }
        if let wayland = environment["WAYLAND_DISPLAY"], !wayland.isEmpty, let copy = location("wl-copy"), let paste = location("wl-paste") {
            // Both programs run from the one directory, else both through PATH.
            let directory = copy == paste ? copy : nil
            let program = directory.map { $0 + "/wl-copy" } ?? "wl-copy"
            let sensitive = helpText(program)?.contains("--sensitive") ?? false
            return ClipboardTool(.wlCopy, directory: directory, marksSensitive: sensitive)
        }
        if let display = environment["DISPLAY"], !display.isEmpty {
            if let directory = location("xclip") { return ClipboardTool(.xclip, directory: directory) }
            if let directory = location("xsel") { return ClipboardTool(.xsel, directory: directory) }
        }
        return nil
    }

    /// What `program --help` prints (stdout and stderr; wl-copy prints usage to either),
    /// nil when it cannot be run. Asked once per start (detection runs once), never per copy.
    public static func helpText(of program: String) -> String? {
        let result = run(program, ["--help"], input: nil, includeErrors: true)
        guard result.status >= 0 else { return nil }
        return String(decoding: result.output.prefix(64 * 1024), as: UTF8.self)
    }

    /// Puts `text` on the clipboard. Blocking: call it from an effect.
    public func copy(_ text: String) -> Bool {
        ClipboardTool.run(path(of: rawValue), copyArguments, input: Data(text.utf8)).status == 0
    }

    /// The clipboard contents, or nil if they cannot be read.
    public func paste() -> String? {
        let result = ClipboardTool.run(pasteCommand.program, pasteCommand.arguments, input: nil)
        guard result.status == 0 else { return nil }
        return String(data: result.output, encoding: .utf8)
    }

    /// Runs `program` (a path, or a name looked up through `PATH`).
    static func run(_ program: String, _ arguments: [String], input: Data?, includeErrors: Bool = false) -> (status: Int32, output: Data) {
        // xclip and wl-copy fork a server that keeps the selection; they exit at once, so
        // output is only collected when nothing is copied (paste, --help).
        let outcome = ChildProcess.run(
            program, arguments, input: input.map { Array($0) }, collectOutput: input == nil, includeErrors: includeErrors
        )
        return (outcome.status, Data(outcome.output))
    }
}
