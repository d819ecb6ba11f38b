import ArgumentParser
import FoundationEssentials
import TokenManager

/// `tokenman` alone opens the interactive UI; subcommands serve scripts. Started by
/// `TokenmanEntry` (a cached token is answered before this command tree is built).
/// The UI launch lives in `run()` here; scripting subcommands are listed in
/// `Tokenman+Subcommands.swift`, options shared by all in `GlobalOptions.swift`.
struct Tokenman: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenman",
        abstract: "A terminal token manager for username/password token APIs.",
        discussion: "Without a subcommand, tokenman opens the interactive account list.",
        subcommands: scriptingSubcommands + [Simulate.self]
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var appearance: ThemeOption

    mutating func run() async throws {
        let status = try await TokenManagerApp.run(AppLaunchOptions(
            configPath: global.config,
            stateDirectory: global.stateDir,
            themeName: appearance.theme
        ))
        if status != 0 { throw ExitCode(status) }
    }
}
