import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small wrappers over POSIX socket calls shared by the server.
enum SocketIO {
    #if canImport(Glibc)
    /// Never raise SIGPIPE when a client has gone away; the write just fails.
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let sendFlags: Int32 = 0
    #endif

    @discardableResult
    static func sendAll(_ socket: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let sent = send(socket, base + offset, raw.count - offset, sendFlags)
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    static func setReceiveTimeout(_ socket: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Half-close, read what the client still sends (briefly), then close. Closing with unread
    /// bytes in the receive buffer makes the kernel send RST, which can destroy the response
    /// before a keep-alive client has read it.
    static func closeGracefully(_ socket: Int32) {
        shutdown(socket, Int32(SHUT_WR))
        setReceiveTimeout(socket, seconds: 1)
        var scratch = [UInt8](repeating: 0, count: 4096)
        while scratch.withUnsafeMutableBytes({ recv(socket, $0.baseAddress, $0.count, 0) }) > 0 {}
        close(socket)
    }
}
