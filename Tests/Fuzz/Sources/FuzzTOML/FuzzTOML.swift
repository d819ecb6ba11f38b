// libFuzzer harness: the config/theme file reader (UTF-8 check, then the TOML parser).
// Built by Tests/Fuzz/run-fuzzers.sh (not part of `swift test`).
import TOMLParser

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let text = try? TOMLSource.decode(Array(bytes)) else { return 0 }
    _ = try? TOML.parse(text)
    return 0
}
