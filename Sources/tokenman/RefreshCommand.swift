import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman refresh ACCOUNT… | --all`: renews now, whatever the time left (the UI's `r`/`R`).
    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refresh",
            abstract: "Renew accounts' tokens now, whatever their time left (as the UI's r and R).",
            discussion: """
                Each account is renewed as the UI does it: with its refresh token, else by \
                logging in again with its non-interactive password source. At most 48 requests \
                are sent at once. A failure is reported per account on stderr and the others go on; \
                the exit status is that of the first account (in the order given, or config \
                order) that failed. --all takes every account that holds tokens (API-token and \
                logged-out accounts are skipped).
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The accounts' names in the config.", completion: .custom(AccountNameCompletion.names))
        var accounts: [String] = []

        @Flag(help: "Every account that holds tokens.")
        var all = false

        func validate() throws {
            if all, !accounts.isEmpty { throw ValidationError("Give account names or --all, not both.") }
            if !all, accounts.isEmpty { throw ValidationError("Give the accounts to refresh, or --all.") }
        }

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let stored = try all ? context.service.storedSnapshot() : nil
                let names = try stored.map { Self.loggedInAccounts(in: context, stored: $0) } ?? Self.configured(accounts, in: context)
                let results = await AccountRefresh.run(names, service: context.service, stored: stored)
                var firstFailure: AuthError?
                for (name, result) in zip(names, results) {
                    guard case .failure(let error) = result else { continue }
                    Console.error("tokenman: \(name): \(error.message)")
                    if firstFailure == nil { firstFailure = error }
                }
                if Console.standardErrorIsTerminal {
                    Console.error("tokenman: refreshed \(names.count - results.filter(\.isFailure).count) of \(names.count) accounts")
                }
                if let firstFailure { throw ExitCode(CLIFailure.status(for: firstFailure).rawValue) }
            }
        }

        /// The named accounts, each once, in the order given; an unknown name fails (exit 3)
        /// before any request is made.
        private static func configured(_ names: [String], in context: CommandContext) throws(CLIFailure) -> [String] {
            var seen: Set<String> = []
            var ordered: [String] = []
            for name in names where seen.insert(name).inserted {
                _ = try context.account(named: name)
                ordered.append(name)
            }
            return ordered
        }

        /// The password accounts that hold tokens (the snapshot is handed on to the refresh,
        /// which would otherwise read the whole store again).
        private static func loggedInAccounts(in context: CommandContext, stored: TokenStoreSnapshot) -> [String] {
            context.config.accounts.filter { account in
                guard case .password = account.mode else { return false }
                return stored.tokens[account.name] != nil
            }.map(\.name)
        }
    }
}

private extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}
