import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman change-password ACCOUNT`: changes the password with a valid access token.
    struct ChangePassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change-password",
            abstract: "Change an account's password (Wikimedia).",
            discussion: """
                Asks for the current password and the new one (twice) on the terminal; with \
                --stdin reads the current and the new password from standard input, one per line.
                """
        )

        @OptionGroup var global: GlobalOptions

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        @Flag(name: .customLong("stdin"), help: "Read the current and the new password from standard input, one per line.")
        var readStandardInput = false

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let provider = try context.provider(of: try context.account(named: account))
                guard provider.endpoints.changePassword != nil else {
                    throw CLIFailure(.failure, "\(provider.displayName) has no change-password endpoint; change it on the provider's website")
                }
                guard let answers = AnswerSource.choose(stdin: readStandardInput) else {
                    throw CLIFailure(.needsInteractiveLogin, "no terminal to ask for the passwords; use --stdin")
                }
                let current = try answers.secret("Current password for \(account): ")
                let newPassword = try answers.newPassword(for: account)
                try await context.service.changePassword(account: account, oldPassword: current, newPassword: newPassword)
                Console.error("tokenman: password of \(account) changed (update its password source if it has one)")
            }
        }
    }
}
