import ArgumentParser
import AuthEngine
import FoundationEssentials

extension Tokenman {
    /// `tokenman exec ACCOUNT -- CMD …`: replaces itself with CMD, tokens in the environment.
    struct Exec: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exec",
            abstract: "Run a command with the account's tokens in environment variables.",
            discussion: """
                Tokens are passed in the environment, never in argv (where every user can read \
                them). tokenman replaces itself with the command (execve), so signals reach it \
                directly and its exit status is tokenman's. See the README for the variables: \
                TOKENMAN_ACCESS_TOKEN, TOKENMAN_REFRESH_TOKEN, TOKENMAN_ID_TOKEN, \
                TOKENMAN_ACCESS_EXPIRES_AT, TOKENMAN_ACCESS_EXPIRES_IN, TOKENMAN_AUTH_HEADER, \
                TOKENMAN_REFRESH_HEADER, TOKENMAN_BODY_FIELD, TOKENMAN_ACCOUNT, TOKENMAN_PROVIDER, \
                TOKENMAN_USERNAME and one TOKENMAN_<FIELD> per account field (TOKENMAN_SUBDOMAIN).
                """
        )

        @OptionGroup var global: GlobalOptions

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        @OptionGroup var minValid: MinValidOption

        @Argument(parsing: .postTerminator, help: ArgumentHelp("The command and its arguments, after --.", valueName: "command"))
        var command: [String] = []

        func validate() throws {
            if command.isEmpty {
                throw ValidationError("Give the command to run after --, e.g. tokenman exec \(account) -- curl …")
            }
        }

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let accountConfig = try context.account(named: account)
                let provider = try context.provider(of: accountConfig)
                let tokens = try await CachedTokens.valid(account: account, minValid: minValid.seconds, in: context)
                let variables = TokenEnvironment.variables(account: accountConfig, provider: provider, tokens: tokens, now: Date())
                // execve cuts a value at its first NUL without a word: refuse instead.
                if let cut = variables.keys.sorted().first(where: { variables[$0]?.utf8.contains(0) == true }) {
                    throw CLIFailure(.configError, "\(cut) would contain a NUL byte, which the environment cannot carry")
                }
                let environment = TokenEnvironment.merge(variables, into: context.environment)
                let status = ProcessReplacement.exec(command, environment: environment)
                // Only reached when the command could not be started.
                throw ExitCode(status)
            }
        }
    }
}
