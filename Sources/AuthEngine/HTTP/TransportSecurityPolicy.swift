import FoundationEssentials

/// HTTPS is required, except to loopback hosts (the simulator, local proxies): a token or
/// password sent over plain HTTP to anything else can be read on the way.
public enum TransportSecurityPolicy {
    /// Throws `.insecureTransport` for http:// to a non-loopback host, `.unsupported` for any
    /// scheme other than http/https. Runs before any connection is made.
    public static func check(_ url: URL) throws(AuthError) {
        let scheme = url.scheme?.lowercased() ?? ""
        let host = hostName(of: url)
        switch scheme {
        case "https":
            guard !host.isEmpty else { throw AuthError.unsupported("The URL \(redacted(url)) has no host.") }
        case "http":
            guard !host.isEmpty else { throw AuthError.unsupported("The URL \(redacted(url)) has no host.") }
            guard isLoopback(host: host) else { throw AuthError.insecureTransport(host) }
        default:
            throw AuthError.unsupported("Only https:// URLs are supported (got \(scheme.isEmpty ? "no scheme" : scheme + "://")).")
        }
    }

    /// The host without IPv6 brackets, lowercased.
    static func hostName(of url: URL) -> String {
        var host = (url.host ?? "").lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    /// 127.0.0.0/8, ::1 (any spelling curl accepts as such) and `localhost`.
    public static func isLoopback(host rawHost: String) -> Bool {
        var host = rawHost.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host = String(host.dropLast()) }
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.compactMap { part -> Int? in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let v = Int(part), (0...255).contains(v) else { return nil }
            return v
        }
        return values.count == 4 && values[0] == 127
    }

    /// Scheme, host and path only: user-info or a query could carry a secret.
    static func redacted(_ url: URL) -> String {
        var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) ?? URLComponents()
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        return parts.string ?? "(invalid URL)"
    }
}
