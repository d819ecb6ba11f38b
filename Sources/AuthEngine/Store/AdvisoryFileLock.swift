import FoundationEssentials
import Glibc

/// An exclusive `flock` on a lock file, so that the TUI and CLI processes (and threads within
/// one process: each holder opens its own descriptor) take turns.
///
/// Why a separate lock file rather than locking `tokens.json` itself: the data file is
/// replaced by `rename` on every write, and a lock on a replaced inode protects nothing.
/// Why `flock`: the kernel drops it when the holder dies, so a crash never leaves a lock behind.
final class AdvisoryFileLock {
    private let fd: Int32

    /// Blocks until the lock is held. Creates the lock file (0600) if needed.
    init(path: String) throws(TokenStoreError) {
        let fd = try Self.open(path)
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = currentErrnoDescription()
            close(fd)
            throw .io(path: path, operation: "flock", reason: reason)
        }
        self.fd = fd
    }

    private init(holding fd: Int32) {
        self.fd = fd
    }

    /// The lock if it is free right now, else nil; never blocks (for waits that must stay
    /// bounded and must not hold a thread).
    static func attempt(path: String) throws(TokenStoreError) -> AdvisoryFileLock? {
        let fd = try open(path)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK || errno == EAGAIN
            let reason = currentErrnoDescription()
            close(fd)
            if busy { return nil }
            throw .io(path: path, operation: "flock", reason: reason)
        }
        return AdvisoryFileLock(holding: fd)
    }

    /// `O_NOFOLLOW`: a symbolic link planted as the lock file would otherwise make us create or
    /// open (and lock) a file of the attacker's choosing; it must also be our own regular file.
    private static func open(_ path: String) throws(TokenStoreError) -> Int32 {
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link; remove it" : currentErrnoDescription()
            throw .io(path: path, operation: "open lock", reason: reason)
        }
        var info = stat()
        if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG || info.st_uid != geteuid() {
            close(fd)
            throw .io(path: path, operation: "open lock", reason: "not a regular file of yours; remove it")
        }
        return fd
    }

    /// Closing the descriptor releases the lock, also when the process dies.
    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
