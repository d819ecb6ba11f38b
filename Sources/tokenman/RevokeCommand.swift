import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman revoke ACCOUNT`: like logout, but insists that the provider invalidates the tokens.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke the account's tokens at the provider, then forget them.",
            discussion: """
                Fails (exit 1) for providers without a logout or revoke endpoint (ByteConnect, \
                Exabits), whose tokens stay valid until they expire; use logout to forget them locally.
                """
        )

        @OptionGroup var global: GlobalOptions

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let provider = try context.provider(of: try context.account(named: account))
                guard provider.endpoints.logout != nil || provider.endpoints.revoke != nil else {
                    throw CLIFailure(.failure, "\(provider.displayName) has no logout or revoke endpoint: its tokens stay valid until they expire; tokenman logout \(account) forgets them locally")
                }
                guard try context.store.load(account: account) != nil else {
                    Console.error("tokenman: \(account) holds no tokens; nothing to revoke")
                    return
                }
                try await context.service.logout(account: account, forgetOnFailure: false)
                Console.error("tokenman: revoked the tokens of \(account)")
            }
        }
    }
}
