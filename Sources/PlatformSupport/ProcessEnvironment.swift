#if canImport(Glibc)
import Glibc
#endif

/// The process's environment variables as a dictionary, read from `environ` on each call.
/// `ProcessInfo.processInfo.environment` answers the same, but its first use builds
/// `ProcessInfo` itself (arguments, process name, generic metadata): a quarter of a millisecond
/// of the first frame and of a cached `tokenman token` (issue 13).
public enum ProcessEnvironment {
    /// NAME=value pairs; the first occurrence of a repeated name wins, as getenv(3) answers.
    public static var variables: [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
    }
}
