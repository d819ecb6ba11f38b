import FoundationEssentials
import Glibc

/// The permission check on an open secret file, made with `fstat` on the descriptor about to be
/// read: no extra open or read on the cached `tokenman token` path.
enum TokenFileCheck {
    static func requirePrivate(fd: Int32, path: String) throws(TokenStoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .io(path: path, operation: "stat", reason: currentErrnoDescription())
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .io(path: path, operation: "open", reason: "not a regular file")
        }
        if let problem = OwnershipRule.privateProblem(info, path: path) {
            throw .io(path: path, operation: "permission check", reason: problem)
        }
    }
}
