// libFuzzer harness: the JWT decoder (the detail screen decodes every token a server sends).
// Built by Tests/Fuzz/run-fuzzers.sh.
import AuthEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWT(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let jwt = JWT.decodeIfPossible(text) {
        _ = jwt.expiresAt
        _ = jwt.issuedAt
    }
    return 0
}
