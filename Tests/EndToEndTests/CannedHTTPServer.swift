import Foundation

/// A hostile provider in a few lines: a loopback HTTP/1.1 server that answers every request with
/// whatever the test wrote, byte for byte (huge numbers, odd headers), and closes the connection.
/// The project's simulator behaves like the real providers; this one deliberately does not.
final class CannedHTTPServer: @unchecked Sendable {
    // @unchecked: `response` and `requests` are only touched while `lock` is held; `listener`
    // is set in init and closed once in `stop`.
    struct Response {
        var status = 200
        var headers: [String] = []
        var body: String

        var bytes: [UInt8] {
            var head = "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nConnection: close\r\n"
            for header in headers { head += header + "\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\n\r\n"
            return Array((head + body).utf8)
        }
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var response: Response
    private var requests = 0

    var baseURL: String { "http://127.0.0.1:\(port)/" }

    init(_ response: Response) throws {
        self.response = response
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProcessRunner.Failure(description: "socket failed") }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address -> Bool in
                bind(fd, address, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, address, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw ProcessRunner.Failure(description: "bind failed")
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.name = "canned-http"
        thread.start()
    }

    deinit { stop() }

    func setResponse(_ response: Response) {
        lock.lock()
        self.response = response
        lock.unlock()
    }

    var requestCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                break  // `stop` shut the listener down
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            readRequest(client)
            lock.lock()
            requests += 1
            let bytes = response.bytes
            lock.unlock()
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { break }
                offset += sent
            }
            close(client)
        }
        close(listener)
    }

    /// Reads the head and as much body as Content-Length says, so the client sees its request
    /// consumed before the answer (the content does not matter here).
    private func readRequest(_ client: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var expected: Int?
        while received.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return }
            received += buffer[0..<count]
            let text = String(decoding: received, as: UTF8.self)
            guard let headEnd = text.range(of: "\r\n\r\n") else { continue }
            if expected == nil {
                let head = text[..<headEnd.lowerBound].lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = text.utf8.distance(from: text.utf8.startIndex, to: headEnd.upperBound) + length
            }
            if let expected, received.count >= expected { return }
        }
    }
}
