import AuthEngine
import FoundationEssentials
import Glibc
import PlatformSupport

/// Writes straight to the file descriptors: stdout carries only results (scripts capture it),
/// stderr carries diagnostics. Unbuffered, so nothing is lost when `exec` replaces the process.
enum Console {
    static func out(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// Part of stdout's text, already assembled as bytes (a long list goes out in pieces).
    static func out(bytes: [UInt8]) {
        write(bytes, to: STDOUT_FILENO)
    }

    /// Messages can carry text from outside (a provider's message, a challenge name): each line
    /// goes through the one sanitiser, so an ESC or BEL is shown escaped, never acted on.
    static func error(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { ExternalText.displayable(String($0), limit: 4096) }
        write(lines.joined(separator: "\n") + "\n", to: STDERR_FILENO)
    }

    static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        // A closed pipe stops it: nothing useful left to do with the output.
        DescriptorIO.writeAll(descriptor, bytes)
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
