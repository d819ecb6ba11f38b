import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman token ACCOUNT`: prints a valid token and nothing else, for `$(...)` in scripts.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Print a valid token for an account (refreshing or logging in again when needed).",
            discussion: """
                A cached token that is still valid is printed without any request. Otherwise the \
                refresh token is used, else the account's non-interactive password source \
                (password_env, password_command); with neither, exits 4.
                """
        )

        enum Kind: String, ExpressibleByArgument, CaseIterable, Sendable {
            case access, refresh, id
        }

        @OptionGroup var global: GlobalOptions

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        @Option(help: "Which token to print.")
        var kind: Kind = .access

        @OptionGroup var minValid: MinValidOption

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                _ = try context.account(named: account)
                let tokens = try await CachedTokens.valid(account: account, minValid: minValid.seconds, in: context)
                Console.out(try Self.token(kind, of: tokens, account: account))
            }
        }

        /// The token `kind` asks for; shared with `CachedTokenFastPath`.
        static func token(_ kind: Kind, of tokens: TokenSet, account: String) throws(CLIFailure) -> String {
            switch kind {
            case .access:
                return tokens.accessToken
            case .refresh:
                guard let refresh = tokens.refreshToken else {
                    throw CLIFailure(.failure, "account \(account) holds no refresh token (its provider issues none, or it uses an API token)")
                }
                return refresh
            case .id:
                guard let id = tokens.idToken else {
                    throw CLIFailure(.failure, "account \(account) holds no id token (only Wikimedia issues one)")
                }
                return id
            }
        }
    }
}
