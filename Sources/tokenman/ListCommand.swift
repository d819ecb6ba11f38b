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
                let reports = try AccountReport.all(in: context)
                if json {
                    Console.out(JSONValue.array(reports.map(\.listJSON)).serialized)
                    return
                }
                if reports.isEmpty {
                    Console.error("tokenman: no accounts configured in \(context.config.path ?? "the config file")")
                    return
                }
                let rows = reports.map { report in
                    [
                        report.account.name, report.account.providerID, report.account.username ?? "-",
                        report.status.state.rawValue, report.accessText,
                        DurationText.format(report.refreshSecondsLeft),
                    ]
                }
                Console.out(TextTable.render(header: ["ACCOUNT", "PROVIDER", "USERNAME", "STATE", "ACCESS", "REFRESH"], rows: rows))
            }
        }
    }
}
