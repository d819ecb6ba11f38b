import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman status [ACCOUNT]`: where things live and each account's tokens in detail.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the config and state locations and each account's token details (no network).",
            discussion: """
                --json prints {"config_path", "state_dir", "accounts": [...]}; each account has \
                the keys of `list --json` plus provider_name, base_url, secret_source, \
                access_expires_at, access_expiry_source, refresh_expires_at, \
                refresh_expiry_source, has_refresh_token, has_id_token, obtained_at and fields.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Only this account.", completion: .custom(AccountNameCompletion.names))
        var account: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                if let account { _ = try context.account(named: account) }
                let reports = try AccountReport.all(in: context).filter { account == nil || $0.account.name == account }
                if json {
                    Console.out(JSONValue.object([
                        ("config_path", context.config.path.map(JSONValue.string) ?? .null),
                        ("state_dir", .string(context.store.directory)),
                        ("accounts", .array(reports.map(\.statusJSON))),
                    ]).serialized)
                    return
                }
                var lines = [
                    "config:    \(context.config.path ?? "(none)")",
                    "state dir: \(context.store.directory)",
                ]
                for report in reports {
                    lines.append("")
                    lines += describe(report)
                }
                Console.out(lines.joined(separator: "\n"))
            }
        }

        private func describe(_ report: AccountReport) -> [String] {
            var lines = ["\(report.account.name)  (\(report.providerName ?? report.account.providerID), \(report.account.username ?? "no username"))"]
            lines.append("  state:   \(report.status.state.rawValue)")
            lines.append("  login:   \(report.mode), password from \(report.secretSource)")
            if let tokens = report.tokens {
                let accessUntil = tokens.accessExpiresAt.map(Timestamps.rfc3339) ?? report.accessText
                lines.append("  access:  \(report.accessText) (until \(accessUntil), from \(tokens.accessExpirySource.rawValue))")
                if tokens.refreshToken != nil {
                    let refreshUntil = tokens.refreshExpiresAt.map(Timestamps.rfc3339) ?? "unknown"
                    lines.append("  refresh: \(DurationText.format(report.refreshSecondsLeft)) (until \(refreshUntil), from \(tokens.refreshExpirySource.rawValue))")
                }
                if tokens.idToken != nil { lines.append("  id:      present") }
            }
            for (key, value) in report.account.fields.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(key): \(value)")
            }
            return lines
        }
    }
}
