import FoundationEssentials
import Glibc
import PlatformSupport

/// Reads a theme file whole, failing with the system's reason ("No such file or directory"):
/// the message a person can act on, which `Data(contentsOf:)` only gives through Foundation's
/// error bridging (issue 13 dropped Foundation for its start-up cost).
enum ThemeFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Theme files are a few KiB; anything past this is not a theme.
    static let maximumBytes = 1 << 20

    static func read(_ path: String) -> Result<Data, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(description: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        let read = DescriptorIO.readAll(descriptor, limit: maximumBytes)
        if read.overLimit { return .failure(Failure(description: "larger than \(maximumBytes / 1024) KiB")) }
        if read.error != 0 { return .failure(Failure(description: String(cString: strerror(read.error)))) }
        return .success(Data(read.bytes))
    }
}
