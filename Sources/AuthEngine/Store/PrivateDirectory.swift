import FoundationEssentials
import PlatformSupport
import Glibc

/// Makes sure a directory that holds secrets exists and is reachable by its owner only.
enum PrivateDirectory {
    /// Creates `path` (and missing parents) with mode 0700, or tightens an existing directory
    /// that group or others can access. Returns a warning for the person when it had to tighten.
    ///
    /// Never follows a symbolic link to change modes: the directory is opened with `O_NOFOLLOW`
    /// and changed with `fchmod` on that descriptor, so a link planted in its place cannot
    /// redirect the chmod. A state directory that is itself a link is accepted only when its
    /// target is already private (and yours); it is then left as it is.
    static func ensure(_ path: String) throws(TokenStoreError) -> String? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            switch errno {
            case ENOENT:
                try createWithParents(path)
                return nil
            // Linux reports a link under O_DIRECTORY | O_NOFOLLOW as ENOTDIR, others as ELOOP.
            case ELOOP, ENOTDIR:
                var link = stat()
                if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                    try requirePrivateTarget(ofLink: path)
                    return nil
                }
                throw .io(path: path, operation: "open directory", reason: "not a directory")
            default:
                throw .io(path: path, operation: "open directory", reason: currentErrnoDescription())
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .io(path: path, operation: "stat", reason: currentErrnoDescription())
        }
        if info.st_uid != geteuid() {
            throw .io(path: path, operation: "permission check", reason: "it belongs to user id \(info.st_uid), not to you (\(geteuid())); tokenman only trusts your own files")
        }
        let permissions = info.st_mode & 0o777
        guard permissions & 0o077 != 0 else { return nil }
        if fchmod(fd, 0o700) != 0 {
            throw .io(path: path, operation: "chmod 0700", reason: currentErrnoDescription())
        }
        return "\(path) was accessible by other users (mode \(String(permissions, radix: 8))); changed it to 0700"
    }

    /// Refuses (on read) a directory that is not private; see `OwnershipRule`. A missing
    /// directory is fine: there is nothing in it to trust.
    static func requirePrivate(_ path: String) throws(TokenStoreError) {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT { return }
            throw .io(path: path, operation: "stat", reason: currentErrnoDescription())
        }
        if let problem = OwnershipRule.privateProblem(info, path: path) {
            throw .io(path: path, operation: "permission check", reason: problem)
        }
    }

    private static func requirePrivateTarget(ofLink path: String) throws(TokenStoreError) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .io(path: path, operation: "open directory", reason: "a symbolic link that does not lead to a directory")
        }
        if let problem = OwnershipRule.privateProblem(info, path: path) {
            throw .io(path: path, operation: "permission check", reason: "a symbolic link to a directory that is not private: \(problem)")
        }
    }

    private static func createWithParents(_ path: String) throws(TokenStoreError) {
        let parent = PathText.deletingLastComponent(path)
        var info = stat()
        if !parent.isEmpty, parent != path, stat(parent, &info) != 0, errno == ENOENT {
            try createWithParents(parent)
        }
        // mkdir applies the umask; fchmod afterwards (on the directory just made, not through a
        // link someone could swap in) sets exactly 0700.
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw .io(path: path, operation: "mkdir", reason: currentErrnoDescription())
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            throw .io(path: path, operation: "open directory", reason: currentErrnoDescription())
        }
        defer { close(fd) }
        if fchmod(fd, 0o700) != 0 {
            throw .io(path: path, operation: "chmod 0700", reason: currentErrnoDescription())
        }
    }
}
