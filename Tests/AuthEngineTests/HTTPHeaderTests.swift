import Foundation
import Testing
@testable import AuthEngine

@Suite struct HTTPHeaderTests {
    @Test func keepsOnlyTheLastResponsesHeadersCaseInsensitively() {
        let raw = "HTTP/1.1 100 Continue\r\nX-Old: 1\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nretry-after: 30\r\nContent-Type: application/json\r\n\r\n"
        let headers = HTTPHeaderFields.parse(rawBlock: raw)
        #expect(headers["Retry-After"] == "30")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers["X-Old"] == nil)
    }

    @Test func retryAfterInSecondsAndAsHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        let seconds = HTTPResponse(status: 429, headers: HTTPHeaderFields([HTTPHeader("Retry-After", "120")]))
        #expect(seconds.retryAfter(now: now) == 120)
        let date = HTTPResponse(status: 429, headers: HTTPHeaderFields([HTTPHeader("Retry-After", "Tue, 14 Nov 2023 22:14:05 GMT")]))
        #expect(date.retryAfter(now: now) == 45)
        let garbage = HTTPResponse(status: 429, headers: HTTPHeaderFields([HTTPHeader("Retry-After", "soon")]))
        #expect(garbage.retryAfter(now: now) == nil)
        #expect(HTTPResponse(status: 429).retryAfter(now: now) == nil)
    }

    @Test func requestDescriptionHidesHeadersAndBody() throws {
        let url = try #require(URL(string: "https://example.com/auth"))
        let request = HTTPRequest.json(url: url, body: .object([("password", .string("hunter2"))]),
                                       headers: [HTTPHeader("Authorization", "Bearer secret-token")])
        #expect(request.description == "POST https://example.com/auth")
    }
}
