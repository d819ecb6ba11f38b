import FoundationEssentials

/// One header line of a request or response.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A request the engine sends. The URL never carries secrets: credentials travel in the body
/// or in headers, so the URL may appear in logs and error messages.
public struct HTTPRequest: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var url: URL
    public var headers: [HTTPHeader]
    public var body: Data?
    /// A PEM bundle of CAs to trust for this request (an account's `ca_file`); nil for the
    /// transport's default (settings `ca_file`, then `SSL_CERT_FILE`, then the system's).
    public var caFile: String?

    public init(method: String = "POST", url: URL, headers: [HTTPHeader] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A POST of a JSON object, with `Content-Type` and `Accept` set.
    public static func json(_ method: String = "POST", url: URL, body: JSONValue?, headers: [HTTPHeader] = []) -> HTTPRequest {
        var all = [HTTPHeader("Accept", "application/json")]
        var data: Data?
        if let body {
            all.append(HTTPHeader("Content-Type", "application/json"))
            data = Data(body.serialized.utf8)
        }
        return HTTPRequest(method: method, url: url, headers: all + headers, body: data)
    }

    /// Method and URL only: headers and body may hold secrets.
    public var description: String { "\(method) \(url.absoluteString)" }
}
