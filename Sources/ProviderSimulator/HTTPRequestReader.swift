import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlatformSupport

/// Reads exactly one HTTP/1.1 request from a connected socket.
///
/// Only what the simulator's clients send is supported: a request line, headers, and a body
/// delimited by `Content-Length`. Anything else is answered with the matching 4xx instead of
/// guessing, so a client bug shows up as a clear status.
struct HTTPRequestReader {
    enum Outcome {
        case request(HTTPRequest)
        /// The request cannot be served; answer this and close.
        case reject(HTTPResponse)
        /// The peer closed or timed out before sending a whole request.
        case closed
    }

    static let maxHeaderBytes = 64 * 1024
    static let maxBodyBytes = 1 << 20

    let socket: Int32

    func read() -> Outcome {
        var buffer = [UInt8]()
        var headerEnd: Int?
        while headerEnd == nil {
            guard let chunk = receive() else { return .closed }
            let searchFrom = max(0, buffer.count - 3)
            buffer.append(contentsOf: chunk)
            headerEnd = Self.endOfHeaders(in: buffer, from: searchFrom)
            if headerEnd == nil && buffer.count > Self.maxHeaderBytes {
                return .reject(Self.plainError(431, "request headers too large"))
            }
        }
        guard let headerEnd, let head = String(bytes: buffer[..<headerEnd], encoding: .utf8) else {
            return .reject(Self.plainError(400, "request head is not UTF-8"))
        }
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            return .reject(Self.plainError(400, "malformed request line"))
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                return .reject(Self.plainError(400, "malformed header line"))
            }
            let name = line[..<colon].trimmedWhitespace().lowercased()
            let value = line[line.index(after: colon)...].trimmedWhitespace()
            if let existing = headers[name] {
                headers[name] = existing + ", " + value
            } else {
                headers[name] = value
            }
        }

        var bodyLength = 0
        if let lengthText = headers["content-length"] {
            guard let length = Int(lengthText), length >= 0 else {
                return .reject(Self.plainError(400, "invalid Content-Length"))
            }
            bodyLength = length
        } else if headers["transfer-encoding"] != nil {
            return .reject(Self.plainError(411, "send a Content-Length; chunked bodies are not supported"))
        }
        if bodyLength > Self.maxBodyBytes {
            return .reject(Self.plainError(413, "request body larger than 1 MiB"))
        }

        var body = Array(buffer[(headerEnd + 4)...])
        if body.count < bodyLength, headers["expect"]?.lowercased() == "100-continue" {
            // curl waits for this before sending bodies over 1 KiB.
            _ = SocketIO.sendAll(socket, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        while body.count < bodyLength {
            guard let chunk = receive() else { return .closed }
            body.append(contentsOf: chunk)
        }
        // Bytes past the body would be a pipelined request; one request per connection, so drop them.
        let bodyData = Data(body.prefix(bodyLength))

        let target = String(requestLine[1])
        let path: String
        let query: String?
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = target
            query = nil
        }
        return .request(HTTPRequest(
            method: String(requestLine[0]).uppercased(),
            path: path,
            query: query,
            headers: headers,
            body: bodyData
        ))
    }

    private func receive() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Array(chunk[..<count])
    }

    private static func endOfHeaders(in buffer: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func plainError(_ status: Int, _ message: String) -> HTTPResponse {
        .json(status, ["error": .string(HTTPResponse.reasonPhrase(for: status)), "message": .string(message)])
    }
}
