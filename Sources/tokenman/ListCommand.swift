import ArgumentParser
import AuthEngine
import PlatformSupport

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
                // The store is read first and kept only as expiries, so its text is gone before
                // the config's accounts are built: with 100,000 accounts, holding both was most
                // of the list's peak memory. A config error is still the one reported first.
                let environment = ProcessEnvironment.variables
                let stored = Result { () throws(TokenStoreError) -> StoredExpiries in
                    try TokenStore(directory: global.stateDir, environment: environment).expiries()
                }
                let context = try CommandContext(global, environment: environment)
                let rows = try ListRow.all(in: context, stored: stored)
                let accounts = context.config.accounts
                if json {
                    ListOutput.json(accounts, rows, write: Console.out(bytes:))
                    return
                }
                if rows.isEmpty {
                    Console.error("tokenman: no accounts configured in \(context.config.path ?? "the config file")")
                    return
                }
                ListOutput.table(accounts, rows, write: Console.out(bytes:))
            }
        }
    }
}
