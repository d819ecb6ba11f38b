import CCurl
import CheckedNumbers
import FoundationEssentials
import PlatformSupport
import Glibc

/// `HTTPTransport` over the dlopen'ed libcurl client in `CCurl`.
///
/// `tm_http_perform` blocks for the whole transfer. Swift's cooperative pool has one thread per
/// core (two here): blocking one would stall every other task, the UI's effects included. So each
/// request runs on its own thread (`DetachedThread`) and resumes a continuation when done. Cancelling the calling
/// task raises the `cancel_flag` that libcurl's progress callback polls (about once a second while
/// idle, on every chunk otherwise).
public struct CurlTransport: HTTPTransport {
    public struct Options: Sendable, Equatable {
        /// Whole-transfer limit.
        public var timeout: TimeInterval
        public var connectTimeout: TimeInterval
        /// Larger bodies fail with `.unexpectedResponse`: no auth answer is anywhere near this.
        public var maxBodyBytes: Int
        /// CAs to trust when a request names none (settings `ca_file`); nil: `SSL_CERT_FILE`
        /// when set, else the system's store. TLS verification itself cannot be switched off.
        public var caFile: String?

        public init(timeout: TimeInterval = 15, connectTimeout: TimeInterval = 5, maxBodyBytes: Int = 1 << 20, caFile: String? = nil) {
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.maxBodyBytes = maxBodyBytes
            self.caFile = caFile
        }

        /// At least 1: libcurl reads 0 as "no timeout at all", so a sub-millisecond setting
        /// must not round down to it (the config loader also refuses one).
        var timeoutMilliseconds: Int { Self.milliseconds(timeout) }
        var connectTimeoutMilliseconds: Int { Self.milliseconds(connectTimeout) }

        private static func milliseconds(_ seconds: TimeInterval) -> Int {
            max(1, Int(clamping: seconds * 1000, rounding: .up))
        }
    }

    /// The CA bundle for a request: the account's, else the settings', else `SSL_CERT_FILE`
    /// (which libcurl itself ignores, though OpenSSL-based tools honour it).
    static func caFile(for request: HTTPRequest, options: Options, environment: [String: String]) -> String? {
        if let file = request.caFile, !file.isEmpty { return file }
        if let file = options.caFile, !file.isEmpty { return file }
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty { return file }
        return nil
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func send(_ request: HTTPRequest) async throws(AuthError) -> HTTPResponse {
        try TransportSecurityPolicy.check(request.url)
        if Task.isCancelled { throw AuthError.cancelled }
        let flag = CancelFlag()
        let options = self.options
        let result: Result<HTTPResponse, AuthError> = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, AuthError>, Never>) in
                let started = DetachedThread.start(name: "tokenman.http") {
                    continuation.resume(returning: CurlTransport.perform(request, options: options, flag: flag))
                }
                if started != 0 { continuation.resume(returning: .failure(.unreachable("cannot start a thread for the request"))) }
            }
        } onCancel: {
            flag.raise()
        }
        return try result.get()
    }

    /// Runs on the request's own thread.
    private static func perform(_ request: HTTPRequest, options: Options, flag: CancelFlag) -> Result<HTTPResponse, AuthError> {
        let headerLines = request.headers.map { "\($0.name): \($0.value)" }
        let cHeaders: [UnsafeMutablePointer<CChar>?] = headerLines.map { strdup($0) }
        defer { cHeaders.forEach { free($0) } }
        let constHeaders: [UnsafePointer<CChar>?] = cHeaders.map { $0.map { UnsafePointer($0) } }
        // A NUL-terminated copy, so an empty body still has a valid address (libcurl then sends
        // Content-Length: 0 rather than reading a NULL pointer as "no body").
        let body: [CChar]? = request.body.map { Array($0).map { CChar(bitPattern: $0) } + [0] }
        let caFile = caFile(for: request, options: options, environment: ProcessEnvironment.variables)
        var raw = tm_http_response()
        defer { tm_http_response_free(&raw) }

        let kind = constHeaders.withUnsafeBufferPointer { headerBuffer in
            let perform = { (bodyPointer: UnsafePointer<CChar>?, bodyLength: Int) in
                tm_http_perform(
                    request.method, request.url.absoluteString,
                    headerBuffer.baseAddress, headerBuffer.count,
                    bodyPointer, bodyLength,
                    options.timeoutMilliseconds, options.connectTimeoutMilliseconds, max(0, options.maxBodyBytes),
                    caFile, flag.pointer, &raw)
            }
            guard let body else { return perform(nil, 0) }
            return body.withUnsafeBufferPointer { perform($0.baseAddress, $0.count - 1) }
        }
        guard kind == Int32(TM_HTTP_OK.rawValue) else {
            return .failure(error(kind: kind, message: message(of: &raw), request: request, options: options))
        }
        let bodyData = raw.body.map { Data(bytes: $0, count: raw.body_len) } ?? Data()
        let headerText = raw.headers.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: raw.headers_len), as: UTF8.self) } ?? ""
        return .success(HTTPResponse(status: raw.status, headers: .parse(rawBlock: headerText), body: bodyData))
    }

    private static func message(of raw: inout tm_http_response) -> String {
        withUnsafeBytes(of: &raw.error_message) { bytes in
            let prefix = bytes.prefix { $0 != 0 }
            return String(decoding: prefix, as: UTF8.self)
        }
    }

    private static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    private static func error(kind: Int32, message: String, request: HTTPRequest, options: Options) -> AuthError {
        let host = TransportSecurityPolicy.hostName(of: request.url)
        let detail = message.isEmpty ? "" : " (\(message))"
        switch UInt32(kind) {
        case TM_HTTP_LIBRARY_MISSING.rawValue: return .unreachable(message)
        case TM_HTTP_UNREACHABLE.rawValue: return .unreachable("no connection to \(host)\(detail)")
        case TM_HTTP_TIMEOUT.rawValue: return .timeout
        case TM_HTTP_TLS.rawValue: return .tls("\(host)\(detail)")
        case TM_HTTP_TOO_LARGE.rawValue:
            return .unexpectedResponse("the answer is larger than \(byteCount(options.maxBodyBytes))")
        case TM_HTTP_CONNECTION_LOST.rawValue:
            // A network failure (exit 6), not a provider answer: nothing usable came back.
            return .unreachable("the connection to \(host) was dropped before the answer was complete")
        case TM_HTTP_CANCELLED.rawValue: return .cancelled
        default: return .unreachable("request to \(host) failed\(detail)")
        }
    }
}

/// The flag libcurl's progress callback polls. A heap cell so its address stays fixed while the
/// transfer runs; the thread's closure holds a reference until the transfer ends.
/// `@unchecked Sendable` because it holds a raw pointer: the pointee is written and read only
/// through C11 atomics (`tm_http_cancel_flag_raise` and the progress callback's atomic load),
/// so there is no data race. A Swift `Atomic` cannot be used: C needs its address.
final class CancelFlag: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Int32>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: 0)
    }

    func raise() { tm_http_cancel_flag_raise(pointer) }

    deinit { pointer.deallocate() }
}
