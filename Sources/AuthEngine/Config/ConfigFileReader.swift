import FoundationEssentials
import Glibc
import TOMLParser

/// Reads the config file's bytes: one `open`, an `fstat` on that descriptor for the ownership
/// rule (see `OwnershipRule.configProblem`), then the bytes into one buffer of the file's size
/// (a config of many accounts is megabytes; growing a buffer and then copying it into a
/// `String` held two or three copies at once). UTF-8 is checked by the TOML parser.
enum ConfigFileReader {
    /// The bytes, or nil when the file does not exist.
    static func read(path: String, shown: String) throws(ConfigError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw ConfigError(path: shown, message: "cannot read the file (\(currentErrnoDescription()))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ConfigError(path: shown, message: "cannot read the file (\(currentErrnoDescription()))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ConfigError(path: shown, message: "not a regular file")
        }
        if let problem = OwnershipRule.configProblem(info, path: path) {
            throw ConfigError(path: shown, message: "refusing to use the config: \(problem)")
        }
        // One byte more than the size, to see the end in the same call; a file that grew since
        // the fstat doubles the buffer.
        var bytes = [UInt8](repeating: 0, count: max(4096, Int(clamping: info.st_size) + 1))
        var length = 0
        while true {
            if length == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + length }, buffer.count - length)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ConfigError(path: shown, message: "cannot read the file (\(currentErrnoDescription()))")
            }
            if count == 0 { break }
            length += count
        }
        bytes.removeLast(bytes.count - length)
        return bytes
    }
}
