import FoundationEssentials
import Glibc

/// ssh-like rules for the files tokenman trusts, checked on the `stat` of what was opened (an
/// `fstat` on the descriptor in hand, so no extra file read and no race between check and use).
///
/// Why refuse rather than warn: a token store other users can read has leaked already, and a
/// config other users can write runs their `password_command` as you. Each refusal says the
/// `chmod` to run. Owner checks compare with the effective uid, so they also hold under root.
enum OwnershipRule {
    /// A file or directory holding secrets: yours, no access at all for group or others.
    /// - Returns: why it is refused, or nil when it is fine.
    static func privateProblem(_ info: stat, path: String) -> String? {
        if let owner = ownerProblem(info, path: path, allowRoot: false) { return owner }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 != 0 else { return nil }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        return "it is open to other users (mode \(octal(mode))); run: chmod \(isDirectory ? "700" : "600") \(shellQuoted(path))"
    }

    /// The config: yours (or root's), not writable by group or others (its `password_command`
    /// runs in a shell). Readable by others is fine: it holds no secret.
    static func configProblem(_ info: stat, path: String) -> String? {
        if let owner = ownerProblem(info, path: path, allowRoot: true) { return owner }
        let mode = info.st_mode & 0o777
        guard mode & 0o022 != 0 else { return nil }
        return "it is writable by other users (mode \(octal(mode))), and its password commands run as you; run: chmod go-w \(shellQuoted(path))"
    }

    private static func ownerProblem(_ info: stat, path: String, allowRoot: Bool) -> String? {
        let me = geteuid()
        if info.st_uid == me || (allowRoot && info.st_uid == 0) { return nil }
        return "it belongs to user id \(info.st_uid), not to you (\(me)); tokenman only trusts your own files"
    }

    static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Quotes a path for the suggested command when it holds anything a shell would split on.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { isLetterMarkOrNumber($0) || "/._-~+,:@".unicodeScalars.contains($0) }
        return plain ? path : "'" + path.replacing("'", with: "'\\''") + "'"
    }

    /// Letters, marks and numbers: the scalars the quoting rule leaves bare.
    private static func isLetterMarkOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
