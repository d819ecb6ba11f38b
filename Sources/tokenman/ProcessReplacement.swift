import FoundationEssentials
import Glibc

/// Replaces this process with another program (execve): no child to forward signals to, and
/// the program's exit status is the caller's.
enum ProcessReplacement {
    /// Returns only on failure, with the status a shell uses: 127 not found, 126 not executable.
    static func exec(_ argv: [String], environment: [String: String]) -> Int32 {
        guard let name = argv.first, !name.isEmpty else { return 127 }
        guard let path = resolve(name, searchPath: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
            Console.error("tokenman: \(name): command not found")
            return 127
        }
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        execve(path, cArguments, cEnvironment)
        let reason = String(cString: strerror(errno))
        Console.error("tokenman: cannot run \(name): \(reason)")
        return errno == ENOENT ? 127 : 126
    }

    /// Like the shell: a name with a slash is a path; otherwise the first executable on PATH.
    static func resolve(_ name: String, searchPath: String) -> String? {
        if name.contains("/") { return name }
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
