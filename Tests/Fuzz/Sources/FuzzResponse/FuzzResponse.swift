// libFuzzer harness: the provider response reader as the flows use it. The first byte picks a
// built-in provider and an HTTP status, the rest is the answer's body; `AuthClient` logs in
// and refreshes over a transport that returns that answer, so the status check, the JSON
// parser, the envelope, the token fields, expiry resolution (JWT `exp` included) and the error
// mapping all read it. Built by Tests/Fuzz/run-fuzzers.sh.
import AuthEngine
import Dispatch
import Foundation

private struct CannedTransport: HTTPTransport {
    let response: HTTPResponse
    func send(_ request: HTTPRequest) async throws(AuthError) -> HTTPResponse { response }
}

private let statuses = [200, 200, 201, 400, 401, 403, 429, 500]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResponse(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let selector = Int(bytes[0])
    let provider = ProviderDefinition.builtIns[selector % ProviderDefinition.builtIns.count]
    let status = statuses[(selector / 8) % statuses.count]
    let headers = selector & 0x80 != 0 ? HTTPHeaderFields([HTTPHeader("Retry-After", "120")]) : HTTPHeaderFields()
    let response = HTTPResponse(status: status, headers: headers, body: Data(bytes[1...]))
    let client = AuthClient(provider: provider, transport: CannedTransport(response: response))
    let old = TokenSet(accessToken: "old", refreshToken: "refresh", obtainedAt: Date(timeIntervalSince1970: 1_750_000_000))
    let done = DispatchSemaphore(value: 0)
    Task {
        if case .tokens(let tokens)? = try? await client.login(username: "fuzz", password: "pw") {
            _ = tokens.isAccessValid(at: Date())
        }
        _ = try? await client.refresh(old, username: "fuzz")
        do {
            try await client.logout(old)
        } catch {
            _ = String(describing: error)
        }
        done.signal()
    }
    done.wait()
    return 0
}
