#if canImport(Glibc)
import Glibc
#endif

/// Path strings joined and split the way `NSString`'s path methods did, without Foundation
/// (issue 13: Foundation's start-up cost). Only `/` separates; nothing touches the file system.
public enum PathText {
    /// `directory` + "/" + `component`, with one slash between them ("a/" + "b" is "a/b";
    /// an empty directory gives `component`).
    public static func join(_ directory: String, _ component: String) -> String {
        if directory.isEmpty { return component }
        if component.isEmpty { return directory }
        var base = Substring(directory)
        while base.hasSuffix("/") { base = base.dropLast() }
        return base + "/" + component.drop { $0 == "/" }
    }

    /// The path without its last component: "/a/b" → "/a", "/a" → "/", "a" → "", "a/b/" → "a".
    public static func deletingLastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var parent = trimmed[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }

    /// The last component: "/a/b" → "b", "/a/b/" → "b", "/" → "/", "" → "".
    public static func lastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `$HOME` from `environment` when set and not empty, else the password database's home of
    /// the real user, else "/".
    public static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        if getpwuid_r(getuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil, let directory = entry.pw_dir {
            let home = String(cString: directory)
            if !home.isEmpty { return home }
        }
        return "/"
    }
}
