import Glibc

extension TokenStore {
    /// Creates the state directory (mode 0700, with missing parents) when there is none yet, so
    /// the TUI can watch it from its start: without it, a first login made in another terminal
    /// would only show at the next poll. An existing directory (or anything else at its path)
    /// is left exactly as it is; reads and writes check it as before. Quietly does nothing when
    /// the directory cannot be made (a read-only home): the TUI then polls.
    public func createDirectoryIfMissing() {
        var info = stat()
        guard lstat(directory, &info) != 0, errno == ENOENT else { return }
        _ = try? PrivateDirectory.ensure(directory)
    }
}
