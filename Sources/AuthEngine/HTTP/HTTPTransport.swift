/// The engine's HTTP boundary. Flows depend on this protocol only, so tests can swap the
/// transport; the project's own tests still go over real loopback HTTP to the simulator.
public protocol HTTPTransport: Sendable {
    /// Sends one request. Non-2xx answers are returned, not thrown: what a status means depends on
    /// the flow. Throws only transport failures (`.unreachable`, `.timeout`, `.tls`,
    /// `.unexpectedResponse`, `.insecureTransport`, `.cancelled`).
    func send(_ request: HTTPRequest) async throws(AuthError) -> HTTPResponse
}
