import FoundationEssentials

/// A received answer: status, the headers of the final response, and the (capped) body.
public struct HTTPResponse: Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var headers: HTTPHeaderFields
    public var body: Data

    public init(status: Int, headers: HTTPHeaderFields = HTTPHeaderFields(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Seconds to wait from `Retry-After` (delta-seconds or an HTTP-date relative to `now`);
    /// nil when absent or unreadable.
    public func retryAfter(now: Date) -> TimeInterval? {
        guard let raw = headers["Retry-After"] else { return nil }
        return RetryAfter.parse(raw, now: now)
    }

    /// Status and size only: bodies may hold tokens.
    public var description: String { "HTTP \(status), \(body.count) bytes" }
}
