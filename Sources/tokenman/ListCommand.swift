import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman list`: the configured accounts and how long their tokens have left.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the configured accounts with their token state (no network).",
            discussion: """
                --json prints an array of objects with the keys account, provider, username, \
                mode, state, access_expires_in and refresh_expires_in (seconds, or null).
                """
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let rows = try ListRow.all(in: context)
                let accounts = context.config.accounts
                if json {
                    Console.out(bytes: ListOutput.json(accounts, rows))
                    return
                }
                if rows.isEmpty {
                    Console.error("tokenman: no accounts configured in \(context.config.path ?? "the config file")")
                    return
                }
                Console.out(bytes: ListOutput.table(accounts, rows))
            }
        }
    }
}
