import ArgumentParser
import AuthEngine

extension Tokenman {
    /// `tokenman forgot-password ACCOUNT`: requests a reset code, then sets a new password with it.
    struct ForgotPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forgot-password",
            abstract: "Reset a forgotten password with a code the provider sends (Wikimedia, Cognito).",
            discussion: """
                Requests a confirmation code, then asks for the code and the new password (twice) \
                on the terminal. For scripts: --request-only sends the code and stops; --code CODE \
                skips the request and, with --stdin, reads the new password from standard input.
                """
        )

        @OptionGroup var global: GlobalOptions

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        @Flag(name: .customLong("request-only"), help: "Only ask the provider to send a code.")
        var requestOnly = false

        @Option(help: "A code already received: skip the request and confirm with it.")
        var code: String?

        @Flag(name: .customLong("stdin"), help: "Read the answers (code unless --code, then the new password) from standard input, one per line.")
        var readStandardInput = false

        func validate() throws {
            if requestOnly, code != nil {
                throw ValidationError("--request-only and --code exclude each other: the first sends a code, the second uses one.")
            }
        }

        func run() async throws {
            try await FailureReporting.run {
                let context = try CommandContext(global)
                let provider = try context.provider(of: try context.account(named: account))
                guard provider.endpoints.forgotPassword != nil, provider.endpoints.forgotPasswordConfirm != nil else {
                    throw CLIFailure(.failure, "\(provider.displayName) has no password reset endpoint; reset the password on the provider's website")
                }
                // Who will answer is settled before anything is sent: a code requested with no
                // one to type it in is a wasted (and rate-limited) email.
                let answers = requestOnly ? nil : AnswerSource.choose(stdin: readStandardInput)
                if !requestOnly, answers == nil {
                    throw CLIFailure(.needsInteractiveLogin, "no terminal to ask for the code and new password; use --request-only, then --code CODE --stdin")
                }
                if code == nil {
                    let delivery = try await context.service.requestPasswordReset(account: account)
                    // Cognito says where the code went (masked); others only that it was sent.
                    Console.error("tokenman: the provider sent a confirmation code for \(account) \(delivery.map { "to \($0.summary)" } ?? "(by email)")")
                }
                guard let answers else { return }
                let confirmationCode = try code ?? answers.text("Confirmation code: ")
                let newPassword = try answers.newPassword(for: account)
                try await context.service.confirmPasswordReset(account: account, code: confirmationCode, newPassword: newPassword)
                Console.error("tokenman: password of \(account) changed; log in with the new password (update its password source if it has one)")
            }
        }
    }
}
