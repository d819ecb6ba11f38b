import Foundation

/// An exclusive `flock` on a lock file, so that the TUI and CLI processes (and threads within
/// one process: each holder opens its own descriptor) take turns at read-modify-write.
///
/// Why a separate `tokens.lock` rather than locking `tokens.json` itself: the data file is
/// replaced by `rename` on every write, and a lock on a replaced inode protects nothing.
final class AdvisoryFileLock {
    private let fd: Int32
    private let path: String

    /// Blocks until the lock is held. Creates the lock file (0600) if needed.
    /// `O_NOFOLLOW`: a symbolic link planted as `tokens.lock` would otherwise make us create or
    /// open (and lock) a file of the attacker's choosing; it must also be our own regular file.
    init(path: String) throws(TokenStoreError) {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link; remove it" : currentErrnoDescription()
            throw .io(path: path, operation: "open lock", reason: reason)
        }
        var info = stat()
        if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG || info.st_uid != geteuid() {
            close(fd)
            throw .io(path: path, operation: "open lock", reason: "not a regular file of yours; remove it")
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = currentErrnoDescription()
            close(fd)
            throw .io(path: path, operation: "flock", reason: reason)
        }
        self.fd = fd
        self.path = path
    }

    /// Closing the descriptor releases the lock, also when the process dies.
    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
