import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman logout ACCOUNT`: ends the session at the provider if it can, then forgets the tokens.
    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "logout",
            abstract: "Log out: end the session at the provider (when it has an endpoint) and forget the tokens.",
            discussion: """
                Starship: POST /auth/logout (revokes all the client's tokens). Wikimedia: the \
                refresh token is revoked. ByteConnect and Exabits have no such endpoint: the \
                tokens are only forgotten. When the provider cannot be told (network, 5xx) the \
                tokens are kept, unless --force.
                """
        )

        @OptionGroup var global: GlobalOptions

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        @Flag(help: "Forget the tokens even when the provider cannot be told.")
        var force = false

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                _ = try context.account(named: account)
                try await context.service.logout(account: account, forgetOnFailure: force)
                Console.error("tokenman: logged out of \(account)")
            }
        }
    }
}
