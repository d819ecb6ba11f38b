/// Response headers with case-insensitive lookup (RFC 9110: field names are case-insensitive).
public struct HTTPHeaderFields: Sendable, Equatable {
    public private(set) var fields: [HTTPHeader]

    public init(_ fields: [HTTPHeader] = []) {
        self.fields = fields
    }

    /// The first value of `name`, any case.
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// Parses libcurl's raw header block, which holds the headers of every response received
    /// (a `100 Continue`, proxies' `200 Connection established`, then the real one): only the
    /// last response's lines are kept.
    public static func parse(rawBlock: String) -> HTTPHeaderFields {
        var current: [HTTPHeader] = []
        // `isNewline` covers "\r\n", which Swift treats as a single Character.
        for line in rawBlock.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.hasPrefix("HTTP/") {
                current = []  // a new response starts
                continue
            }
            if line.isEmpty { continue }
            if line.first == " " || line.first == "\t" {
                // Obsolete line folding: continues the previous value.
                if var last = current.popLast() {
                    last.value += " " + line.trimmingWhitespace()
                    current.append(last)
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingWhitespace()
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            current.append(HTTPHeader(name, value))
        }
        return HTTPHeaderFields(current)
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
