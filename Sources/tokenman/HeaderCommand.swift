import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman header ACCOUNT`: what an API call of the account's provider must carry.
    struct Header: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "header",
            abstract: "Print the header line(s) the provider's API calls need.",
            discussion: """
                Most providers: one line, "Authorization: Bearer <token>". Exabits login tokens: \
                two lines (Authorization and refresh-token). ByteConnect carries the token in the \
                JSON body, so its line is the body member "access_token": "<token>".
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The account's name in the config.", completion: .custom(AccountNameCompletion.names))
        var account: String

        @Option(name: .customLong("min-valid"), help: ArgumentHelp(
            "Renew first unless the access token stays valid at least this long.", valueName: "duration"))
        var minValid: DurationArgument = DurationArgument(seconds: 0)

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let provider = try context.provider(of: try context.account(named: account))
                let tokens = try await CachedTokens.valid(account: account, minValid: minValid.seconds, in: context)
                let credentials = provider.apiCredentials(for: tokens)
                for credential in credentials {
                    Console.out(credential.line)
                }
                if credentials.contains(where: { if case .jsonBodyField = $0 { true } else { false } }),
                   Console.standardErrorIsTerminal {
                    Console.error("tokenman: \(provider.displayName) takes the token in the JSON body of each call, not in a header: add the line above to the body.")
                }
            }
        }
    }
}
