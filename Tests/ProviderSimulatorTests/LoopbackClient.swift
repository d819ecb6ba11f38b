import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as read off the wire by the test client.
struct WireResponse {
    let status: Int
    /// Header names lowercased.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, or nil.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    func string(_ key: String) -> String? { json?[key] as? String }
    func int(_ key: String) -> Int? { (json?[key] as? NSNumber)?.intValue }
    func bool(_ key: String) -> Bool? { json?[key] as? Bool }
    /// The sorted keys of the JSON body.
    var keys: [String] { (json?.keys).map { Array($0).sorted() } ?? [] }
}

enum LoopbackError: Error, Equatable {
    case connectFailed
    /// The server closed the connection without sending a byte.
    case noResponse
    case malformed(String)
}

/// A deliberately dumb HTTP/1.1 client on raw sockets: it writes exactly the bytes it is told,
/// then reads until the server closes. That makes it see what a real client sees, including a
/// connection dropped before any byte, and proves the server closes after each answer.
enum LoopbackClient {
    static func send(
        port: UInt16,
        method: String,
        path: String,
        headers: [String: String] = [:],
        body: Data? = nil,
        declaredLength: Int? = nil
    ) throws -> WireResponse {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            head += "\(name): \(value)\r\n"
        }
        if let length = declaredLength ?? body?.count {
            head += "Content-Length: \(length)\r\n"
        }
        head += "\r\n"
        var request = Data(head.utf8)
        if let body { request.append(body) }
        return try exchange(port: port, request: request)
    }

    static func exchange(port: UInt16, request: Data) throws -> WireResponse {
        let raw = try roundTrip(port: port, request: request)
        guard !raw.isEmpty else { throw LoopbackError.noResponse }
        return try parse(raw)
    }

    static func roundTrip(port: UInt16, request: Data) throws -> Data {
        let fd = try connectSocket(port: port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withUnsafeBytes { raw in
            Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        return received
    }

    static func connectSocket(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackError.connectFailed }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw LoopbackError.connectFailed
        }
        return fd
    }

    static func parse(_ raw: Data) throws -> WireResponse {
        let separator = Data("\r\n\r\n".utf8)
        guard let range = raw.range(of: separator) else { throw LoopbackError.malformed("no end of headers") }
        let head = String(decoding: raw[..<range.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw LoopbackError.malformed("bad status line")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return WireResponse(status: status, headers: headers, body: Data(raw[range.upperBound...]))
    }
}
