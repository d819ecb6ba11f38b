// swift-tools-version:6.0
// tokenman: a terminal token manager. Module graph (one-way):
//   tokenman -> TokenManager -> TerminalUI -> CNCurses
//   TokenManager -> Themes -> TerminalUI, TOMLParser (theme files; TerminalUI takes a parsed Theme)
//   TokenManager -> AuthEngine -> CCurl, TOMLParser
//   ProviderSimulator imports nothing of the app: it is written from the provider docs alone.
import PackageDescription

/// Release links also take libstdc++ statically: `Sources/tokenman/StaticLibstdcxx` holds a
/// linker script named `libstdc++.so` that the linker finds before the shared library.
let staticLibstdcxxDirectory = String(#filePath.dropLast("Package.swift".count)) + "Sources/tokenman/StaticLibstdcxx"

/// Our modules see only the members of modules they import (Swift's upcoming
/// MemberImportVisibility): without it, Foundation's String extensions leaked in through any
/// dependency that imports Foundation, and the binary linked Foundation without one
/// `import Foundation` in Sources (issue 13: Foundation costs every process start).
let ownModuleSettings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "tokenman",
    // Linux only (no `platforms`): the terminal code uses glibc's sigaction and termios
    // layouts and Debian's ncursesw headers; nothing has been built or tested on macOS.
    products: [
        .executable(name: "tokenman", targets: ["tokenman"]),
        // For the fuzz package in Tests/Fuzz (its own Package.swift, built only by
        // Tests/Fuzz/run-fuzzers.sh with -sanitize=fuzzer); nothing here builds them apart.
        .library(name: "AuthEngine", targets: ["AuthEngine"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "TOMLParser", targets: ["TOMLParser"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // No pkgConfig: SwiftPM would only drop ncursesw.pc's -D flags with a warning, and
        // shim.h defines what they ask for. Headers come from Debian's libncurses-dev.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // libcurl is loaded with dlopen on the first request, so processes that never
        // touch the network (a cached `tokenman token`, the first TUI frame) do not pay for it.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "TOMLParser", swiftSettings: ownModuleSettings),
        // Clamping conversions for numbers from outside; every module that turns one into an
        // Int or a Date uses them (see CheckedConversionLintTests).
        .target(name: "CheckedNumbers", swiftSettings: ownModuleSettings),
        .target(
            name: "AuthEngine",
            dependencies: [
                "CCurl", "TOMLParser", "CheckedNumbers", "PlatformSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: ownModuleSettings
        ),
        .target(
            name: "ProviderSimulator",
            dependencies: ["CheckedNumbers", "PlatformSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: ownModuleSettings
        ),
        // Threads, child processes, path strings, standard streams and String trimming: what
        // Foundation was linked for, without its start-up cost (issue 13).
        .target(name: "PlatformSupport", dependencies: ["CheckedNumbers"], swiftSettings: ownModuleSettings),
        .target(name: "TerminalUI", dependencies: ["CNCurses", "CheckedNumbers", "PlatformSupport"], swiftSettings: ownModuleSettings),
        // Theme files (TOML) and the built-in themes, read into TerminalUI's `Theme`.
        .target(name: "Themes", dependencies: ["TerminalUI", "TOMLParser", "PlatformSupport"], swiftSettings: ownModuleSettings),
        .target(name: "TokenManager", dependencies: ["TerminalUI", "Themes", "AuthEngine", "CheckedNumbers", "PlatformSupport"], swiftSettings: ownModuleSettings),
        .executableTarget(
            name: "tokenman",
            dependencies: [
                "TokenManager", "TerminalUI", "AuthEngine", "ProviderSimulator", "CheckedNumbers", "PlatformSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["StaticLibstdcxx"],
            // The installed binary (`swift build -c release`) links the Swift runtime (and
            // libstdc++, see `staticLibstdcxxDirectory`) statically: a cached `tokenman token`
            // starts in about half the time without loading shared Swift libraries
            // (DECISIONS.md, "Static Swift runtime"). Release only: debug builds and
            // `swift test` link as before. Also a compiler flag: compiled with it, the
            // module's imports name the static libraries they need for the linker.
            swiftSettings: ownModuleSettings + [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-L\(staticLibstdcxxDirectory)"], .when(configuration: .release))]
        ),
        .testTarget(name: "TOMLParserTests", dependencies: ["TOMLParser"]),
        .testTarget(name: "CheckedNumbersTests", dependencies: ["CheckedNumbers", "TestSupport"]),
        .testTarget(name: "PlatformSupportTests", dependencies: ["PlatformSupport", "CheckedNumbers", "TestSupport"]),
        // What several test targets share: a seeded random generator, the Sources the lints read.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ProviderSimulatorTests", dependencies: ["ProviderSimulator", "TestSupport"]),
        // Starts moto (a local AWS Cognito) for the tests that prove the Cognito flows.
        .target(name: "MotoSupport", dependencies: ["AuthEngine"], path: "Tests/MotoSupport"),
        .testTarget(name: "AuthEngineTests", dependencies: [
            "AuthEngine", "ProviderSimulator", "MotoSupport", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CNCurses", "TestSupport"]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes", "TerminalUI"]),
        .testTarget(
            name: "TokenManagerTests",
            dependencies: ["TokenManager", "TerminalUI", "AuthEngine", "ProviderSimulator", "TestSupport"],
            // Whole-frame text snapshots, read through #filePath (see Snapshot.swift).
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["tokenman", "ProviderSimulator", "StoreCrashWriter", "MotoSupport"]),
        // Writes the token store in a loop for the SIGKILL crash test (Tests/Stress/store-crash.sh).
        .executableTarget(name: "StoreCrashWriter", dependencies: ["AuthEngine"], path: "Tests/Stress/StoreCrashWriter"),
    ]
)
