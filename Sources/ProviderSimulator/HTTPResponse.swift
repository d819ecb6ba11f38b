import FoundationEssentials

/// An HTTP response the server writes before closing the connection.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response. Keys are sorted so answers are byte-stable across runs.
    static func json(_ status: Int, _ object: [String: JSONValue], headers: [(name: String, value: String)] = []) -> HTTPResponse {
        let body = JSONWriter.bytes(of: .object(object)).map { Data($0) } ?? Data("{}".utf8)
        return HTTPResponse(
            status: status,
            headers: [("Content-Type", "application/json")] + headers,
            body: body
        )
    }

    static func noContent() -> HTTPResponse {
        HTTPResponse(status: 204)
    }

    func adding(header name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }

    /// The bytes on the wire. Every response closes the connection: the server handles one
    /// request per connection, which keeps faults such as a dropped connection unambiguous.
    func serialized() -> Data {
        var head = "HTTP/1.1 \(status) \(HTTPResponse.reasonPhrase(for: status))\r\n"
        for header in headers {
            head += "\(header.name): \(header.value)\r\n"
        }
        if status != 204 && status != 304 {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        var data = Data(head.utf8)
        if status != 204 && status != 304 {
            data.append(body)
        }
        return data
    }

    static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 411: "Length Required"
        case 413: "Payload Too Large"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
