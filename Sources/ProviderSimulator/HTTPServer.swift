import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlatformSupport

/// What the server does with a request: answer it, or close the socket without a byte
/// (a fault that real clients meet when a proxy or load balancer gives up).
enum ServerReply: Sendable {
    case respond(HTTPResponse)
    case dropConnection
}

/// A minimal HTTP/1.1 server on POSIX sockets bound to 127.0.0.1.
///
/// One thread accepts; each connection gets its own thread, reads one request, answers it and
/// closes (`Connection: close`). Written by hand rather than on a server library so faults act
/// at the socket level, it runs inside the `tokenman` process, and it costs no build time.
final class HTTPServer: Sendable {
    typealias Handler = @Sendable (HTTPRequest) -> ServerReply

    private struct State {
        var listener: Int32 = -1
        var port: UInt16 = 0
        var stopping = false
        var acceptLoopFinished: DispatchSemaphore?
    }

    private let handler: Handler
    private let state = Mutex(State())

    init(handler: @escaping Handler) {
        self.handler = handler
    }

    /// The bound port while running, else nil.
    var port: UInt16? {
        state.withLock { $0.listener >= 0 ? $0.port : nil }
    }

    /// Binds 127.0.0.1:`port` (0 = an ephemeral port) and starts accepting. Returns the bound port.
    func start(port requestedPort: UInt16) throws -> UInt16 {
        if let running = self.port { return running }
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw SimulatorError("socket() failed: \(String(cString: strerror(errno)))") }

        var reuse: Int32 = 1
        _ = setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requestedPort.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1: never reachable from outside
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw SimulatorError("cannot bind 127.0.0.1:\(requestedPort): \(reason)")
        }
        guard listen(listener, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw SimulatorError("listen() failed: \(reason)")
        }

        var boundAddress = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &boundAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let boundPort = UInt16(bigEndian: boundAddress.sin_port)

        let finished = DispatchSemaphore(value: 0)
        state.withLock {
            $0 = State(listener: listener, port: boundPort, stopping: false, acceptLoopFinished: finished)
        }
        let failure = DetachedThread.start(name: "simulator") { [self] in
            acceptLoop(listener: listener)
            finished.signal()
        }
        guard failure == 0 else {
            let reason = String(cString: strerror(failure))
            state.withLock { $0 = State() }
            close(listener)
            throw SimulatorError("cannot start the accept thread: \(reason)")
        }
        return boundPort
    }

    /// Stops accepting and closes the listener; returns within about a quarter of a second.
    /// Requests already being answered finish on their own threads.
    func stop() {
        let finished: DispatchSemaphore? = state.withLock {
            guard $0.listener >= 0, !$0.stopping else { return nil }
            $0.stopping = true
            shutdown($0.listener, Int32(SHUT_RDWR))
            return $0.acceptLoopFinished
        }
        _ = finished?.wait(timeout: .now() + 2)
        state.withLock { $0 = State() }
    }

    private var isStopping: Bool {
        state.withLock { $0.stopping }
    }

    private func acceptLoop(listener: Int32) {
        defer { close(listener) }
        while !isStopping {
            // poll with a timeout so stop() is noticed even where shutdown() does not wake accept().
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            if ready <= 0 || isStopping { continue }
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                continue
            }
            // No thread to spare: closing at once is a dropped connection the client can retry,
            // where a socket nobody reads would hang it.
            if DetachedThread.start({ [self] in serve(client) }) != 0 {
                close(client)
            }
        }
    }

    private func serve(_ client: Int32) {
        // A client that connects and sends nothing must not hold a thread forever.
        SocketIO.setReceiveTimeout(client, seconds: 10)
        switch HTTPRequestReader(socket: client).read() {
        case .closed:
            close(client)
        case .reject(let response):
            SocketIO.sendAll(client, response.serialized())
            SocketIO.closeGracefully(client)
        case .request(let request):
            switch handler(request) {
            case .respond(let response):
                SocketIO.sendAll(client, response.serialized())
                SocketIO.closeGracefully(client)
            case .dropConnection:
                close(client)
            }
        }
    }
}
