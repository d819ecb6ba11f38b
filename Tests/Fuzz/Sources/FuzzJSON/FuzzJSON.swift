// libFuzzer harness: the provider response reader's JSON parser, plus the sanitiser and token
// check applied to whatever strings it yields. Built by Tests/Fuzz/run-fuzzers.sh.
import AuthEngine
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    guard let value = try? JSONParser.parse(data) else { return 0 }
    for key in ["message", "access_token", "error"] {
        if let text = value[key]?.stringValue {
            _ = ExternalText.displayable(text)
            _ = TokenSyntax.isValid(text)
        }
    }
    _ = value.serialized
    return 0
}
