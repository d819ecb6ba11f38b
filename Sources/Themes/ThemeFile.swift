import FoundationEssentials
import Glibc

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
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while bytes.count <= maximumBytes {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return .success(Data(bytes))
            } else if errno != EINTR {
                return .failure(Failure(description: String(cString: strerror(errno))))
            }
        }
        return .failure(Failure(description: "larger than \(maximumBytes / 1024) KiB"))
    }
}
