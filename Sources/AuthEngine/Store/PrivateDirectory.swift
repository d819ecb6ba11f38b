import Foundation

/// Makes sure a directory that holds secrets exists and is reachable by its owner only.
enum PrivateDirectory {
    /// Creates `path` (and missing parents) with mode 0700, or tightens an existing directory
    /// that group or others can access. Returns a warning for the person when it had to tighten.
    static func ensure(_ path: String) throws(TokenStoreError) -> String? {
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw .io(path: path, operation: "stat", reason: currentErrnoDescription())
            }
            try createWithParents(path)
            return nil
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .io(path: path, operation: "open directory", reason: "not a directory")
        }
        let permissions = info.st_mode & 0o777
        guard permissions & 0o077 != 0 else { return nil }
        if chmod(path, 0o700) != 0 {
            throw .io(path: path, operation: "chmod 0700", reason: currentErrnoDescription())
        }
        return "\(path) was accessible by other users (mode \(String(permissions, radix: 8))); changed it to 0700"
    }

    private static func createWithParents(_ path: String) throws(TokenStoreError) {
        let parent = (path as NSString).deletingLastPathComponent
        var info = stat()
        if !parent.isEmpty, parent != path, stat(parent, &info) != 0, errno == ENOENT {
            try createWithParents(parent)
        }
        // mkdir applies the umask; chmod afterwards sets exactly 0700.
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw .io(path: path, operation: "mkdir", reason: currentErrnoDescription())
        }
        if chmod(path, 0o700) != 0 {
            throw .io(path: path, operation: "chmod 0700", reason: currentErrnoDescription())
        }
    }
}
