import AuthEngine
import Foundation

/// A real transport (libcurl) that also keeps every request and answer, so a test can check
/// what went over the wire: a SECRET_HASH moto does not verify, a header moto adds.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: `exchanges` is only touched while `lock` is held.
    private let lock = NSLock()
    private var exchanges: [(request: HTTPRequest, response: HTTPResponse)] = []
    private let inner = CurlTransport(options: CurlTransport.Options(timeout: 20, connectTimeout: 2))

    func send(_ request: HTTPRequest) async throws(AuthError) -> HTTPResponse {
        let response = try await inner.send(request)
        lock.withLock { exchanges.append((request, response)) }
        return response
    }

    /// The JSON body of the last request to `operation` (`X-Amz-Target` suffix).
    func lastBody(of operation: String) -> JSONValue? {
        lastExchange(of: operation).flatMap { $0.request.body }.flatMap { try? JSONParser.parse($0) }
    }

    func lastResponse(of operation: String) -> HTTPResponse? { lastExchange(of: operation)?.response }

    func headers(of operation: String) -> [HTTPHeader] { lastExchange(of: operation)?.request.headers ?? [] }

    private func lastExchange(of operation: String) -> (request: HTTPRequest, response: HTTPResponse)? {
        lock.withLock {
            exchanges.last { exchange in
                exchange.request.headers.contains { $0.name == "X-Amz-Target" && $0.value.hasSuffix(".\(operation)") }
            }
        }
    }
}
