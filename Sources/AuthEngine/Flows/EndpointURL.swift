import FoundationEssentials
import PlatformSupport

/// Joins a base URL and an endpoint path with exactly one `/`: Exabits' base ends in `/` and its
/// paths do not start with one; the others' bases have no trailing slash. Either way works.
enum EndpointURL {
    static func make(base: String, path: String) throws(AuthError) -> URL {
        var left = Substring(base.trimmedWhitespace())
        while left.hasSuffix("/") { left = left.dropLast() }
        var right = Substring(path.trimmedWhitespace())
        while right.hasPrefix("/") { right = right.dropFirst() }
        let joined = right.isEmpty ? String(left) : "\(left)/\(right)"
        guard let url = URL(string: joined), let scheme = url.scheme, !scheme.isEmpty, url.host != nil else {
            throw AuthError.unsupported("The base URL \"\(base)\" is not a valid http(s) URL.")
        }
        return url
    }
}
