import Foundation

/// A command-line clipboard program. The secret always goes to the tool's stdin, never
/// into argv, where other users could read it from `ps` or /proc.
public enum ClipboardTool: String, Hashable, Sendable, CaseIterable {
    case wlCopy = "wl-copy"
    case xclip
    case xsel

    /// Arguments that read the clipboard contents from stdin.
    public var copyArguments: [String] {
        switch self {
        case .wlCopy: return []
        case .xclip: return ["-selection", "clipboard", "-in"]
        case .xsel: return ["--clipboard", "--input"]
        }
    }

    /// The program and arguments that print the clipboard, for the "changed since?" check.
    public var pasteCommand: (program: String, arguments: [String]) {
        switch self {
        case .wlCopy: return ("wl-paste", ["--no-newline"])
        case .xclip: return ("xclip", ["-selection", "clipboard", "-out"])
        case .xsel: return ("xsel", ["--clipboard", "--output"])
        }
    }

    /// The tool to use in this environment: wl-copy under Wayland, xclip or xsel under X11,
    /// nil when there is no display (over SSH, on a console) or none is installed.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment, isExecutable: (String) -> Bool? = { _ in nil }) -> ClipboardTool? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        func installed(_ name: String) -> Bool {
            if let answer = isExecutable(name) { return answer }
            return path.contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + name) }
        }
        if let wayland = environment["WAYLAND_DISPLAY"], !wayland.isEmpty, installed("wl-copy"), installed("wl-paste") {
            return .wlCopy
        }
        if let display = environment["DISPLAY"], !display.isEmpty {
            if installed("xclip") { return .xclip }
            if installed("xsel") { return .xsel }
        }
        return nil
    }

    /// Puts `text` on the clipboard. Blocking: call it from an effect.
    public func copy(_ text: String) -> Bool {
        ClipboardTool.run(rawValue, copyArguments, input: Data(text.utf8)).status == 0
    }

    /// The clipboard contents, or nil if they cannot be read.
    public func paste() -> String? {
        let result = ClipboardTool.run(pasteCommand.program, pasteCommand.arguments, input: nil)
        guard result.status == 0 else { return nil }
        return String(data: result.output, encoding: .utf8)
    }

    static func run(_ program: String, _ arguments: [String], input: Data?) -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, Data())
        }
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        // xclip and wl-copy fork a server that keeps the selection; they exit at once.
        let output = input == nil ? stdout.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
