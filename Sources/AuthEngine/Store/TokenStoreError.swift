/// Why the token store could not be read or written. Messages name the file, never a token.
public enum TokenStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed (`open`, `rename`, `flock`, ...).
    case io(path: String, operation: String, reason: String)
    /// The file exists but is not a token store this version understands.
    /// `keptCopy` is where the unreadable file was preserved, if it was set aside.
    case corrupt(path: String, detail: String, keptCopy: String?)
    /// Written by a newer tokenman: refuse to overwrite what we cannot read.
    case unsupportedVersion(path: String, version: Int)
    /// One account's entry cannot be decoded; the other accounts are fine, and the entry is
    /// kept as it is until that account logs in again.
    case unreadableEntry(path: String, account: String, detail: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let reason):
            return "\(path): \(operation) failed: \(reason)"
        case .corrupt(let path, let detail, let keptCopy):
            let kept = keptCopy.map { " (a copy was kept at \($0))" } ?? ""
            return "\(path): the token store is unreadable: \(detail)\(kept); log in again to start a new one"
        case .unreadableEntry(let path, let account, let detail):
            return "\(path): the tokens of account \(account) are unreadable: \(detail); they are kept as they are; log in to \(account) again to replace them"
        case .unsupportedVersion(let path, let version):
            return "\(path): token store format \(version) is newer than this tokenman understands (\(TokenStoreFile.currentVersion))"
        }
    }
}
