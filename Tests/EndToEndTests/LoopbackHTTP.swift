import Foundation

/// A minimal HTTP/1.1 client for 127.0.0.1, to check tokens at the simulator's protected
/// endpoints without curl (which a fresh machine may lack).
///
/// `status` is async: connect/send/recv block until the simulator (on its own threads) answers,
/// so they run on a thread of their own rather than on the cooperative pool the tests share.
enum LoopbackHTTP {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Sends one request with `Connection: close` and returns the status code.
    static func status(method: String, url: String, headers: [String] = [], body: String? = nil) async throws -> Int {
        try await BlockingWork.run { try statusBlocking(method: method, url: url, headers: headers, body: body) }
    }

    private static func statusBlocking(method: String, url: String, headers: [String], body: String?) throws -> Int {
        guard let components = URLComponents(string: url), let port = components.port else {
            throw Failure(description: "bad url \(url)")
        }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for header in headers { request += header + "\r\n" }
        if let body {
            request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        } else {
            request += "\r\n"
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect failed") }
        var bytes = Array(request.utf8)
        _ = bytes.withUnsafeMutableBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: chunk[0..<count])
        }
        let statusLine = String(decoding: response.prefix { $0 != 13 }, as: UTF8.self)
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let code = Int(parts[1]) else { throw Failure(description: "bad response: \(statusLine)") }
        return code
    }
}
