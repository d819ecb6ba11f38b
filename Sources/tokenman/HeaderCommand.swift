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

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        @OptionGroup var minValid: MinValidOption

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let provider = try context.provider(of: try context.account(named: account))
                let tokens = try await CachedTokens.valid(account: account, minValid: minValid.seconds, in: context)
                Self.print(tokens, for: provider)
            }
        }

        /// The header line(s) on stdout; shared with `CachedTokenFastPath`.
        static func print(_ tokens: TokenSet, for provider: ProviderDefinition) {
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
