// libFuzzer harness: the whole config loader, as `ConfigLoader.load` reads a file: the UTF-8
// check, the TOML parser, then the [settings], [providers.*] and [[accounts]] decoders, and the
// lookups the app makes on the result. Built by Tests/Fuzz/run-fuzzers.sh.
import AuthEngine
import TOMLParser

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard let text = try? TOMLSource.decode(UnsafeRawBufferPointer(start: start, count: count)) else { return 0 }
    do {
        let config = try ConfigLoader(environment: ["HOME": "/home/fuzz"]).parse(text, displayPath: "config.toml")
        let catalog = config.catalog
        _ = catalog.ids
        for account in config.accounts {
            _ = catalog.definition(id: account.providerID)
            _ = config.account(named: account.name)
            _ = String(describing: account)
        }
        _ = String(describing: config.settings)
    } catch {
        _ = error.description
    }
    return 0
}
