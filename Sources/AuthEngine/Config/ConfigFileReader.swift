import Foundation
import TOMLParser

/// Reads the config file's text: one `open`, an `fstat` on that descriptor for the ownership
/// rule (see `OwnershipRule.configProblem`), then the bytes, decoded as UTF-8 with the line and
/// column of the first bad byte.
enum ConfigFileReader {
    /// The text, or nil when the file does not exist.
    static func read(path: String, shown: String) throws(ConfigError) -> String? {
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
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ConfigError(path: shown, message: "cannot read the file (\(currentErrnoDescription()))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        do {
            return try TOMLSource.decode(bytes)
        } catch {
            throw ConfigError(path: shown, line: error.line, column: error.column, message: error.message)
        }
    }
}
