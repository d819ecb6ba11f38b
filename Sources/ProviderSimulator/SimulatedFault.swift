/// A failure a provider can be switched into, to test how clients cope with broken servers.
/// A fault applies to every request under that provider's prefix, after the added latency.
public enum SimulatedFault: Sendable, Equatable {
    /// Answer with this status (usually 5xx) and an error body shaped like the provider's own.
    case serverError(status: Int)
    /// Answer 200 `application/json` with a body that is cut off mid-token.
    case malformedJSON
    /// Answer 502 with an HTML page, as a reverse proxy does when the upstream is down.
    case htmlErrorPage
    /// Close the socket without sending a single byte.
    case dropConnection
    /// Answer with exactly this status and this JSON text, whatever was asked: a hostile or
    /// broken server (control characters in a message, a token holding CR LF or NUL).
    case answer(status: Int, json: String)
}
