// swift-tools-version:5.4
// The libFuzzer harnesses, one executable each (see run-fuzzers.sh for what each covers). Not part of the
// main package's build or `swift test`: only Tests/Fuzz/run-fuzzers.sh builds this, with
// `swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer
// -Xswiftc -parse-as-library` (libFuzzer brings main; each harness defines
// LLVMFuzzerTestOneInput). The sanitizer flags reach the tokenman modules too, so libFuzzer
// sees their coverage. Tools version 5.4: from 5.5 on, SwiftPM renames an executable's entry
// point to <module>_main and links main to it, which clashes with libFuzzer's main.
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name (the checkout may be called anything).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let tokenman = root.lastPathComponent

let package = Package(
    name: "TokenmanFuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(name: "FuzzTOML", dependencies: [.product(name: "TOMLParser", package: tokenman)]),
        .executableTarget(name: "FuzzJSON", dependencies: [.product(name: "AuthEngine", package: tokenman)]),
        .executableTarget(name: "FuzzJWT", dependencies: [.product(name: "AuthEngine", package: tokenman)]),
        .executableTarget(name: "FuzzResponse", dependencies: [.product(name: "AuthEngine", package: tokenman)]),
        .executableTarget(name: "FuzzConfig", dependencies: [
            .product(name: "AuthEngine", package: tokenman), .product(name: "TOMLParser", package: tokenman),
        ]),
        .executableTarget(name: "FuzzTheme", dependencies: [
            .product(name: "TerminalUI", package: tokenman), .product(name: "TOMLParser", package: tokenman),
        ]),
        .executableTarget(name: "FuzzTokenStore", dependencies: [.product(name: "AuthEngine", package: tokenman)]),
    ]
)
