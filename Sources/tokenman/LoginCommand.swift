import ArgumentParser
import AuthEngine
import FoundationEssentials

extension Tokenman {
    /// `tokenman login ACCOUNT`: logs in, answering a NEW_PASSWORD_REQUIRED challenge if asked.
    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login",
            abstract: "Log in to an account and store its tokens.",
            discussion: """
                The password comes from the account's password_env/password_command, else is asked \
                on the terminal (no echo), or with --stdin is read from standard input. When the \
                provider demands a new password (NEW_PASSWORD_REQUIRED), it is asked twice on the \
                terminal, or read from the next line of standard input. Without a terminal or \
                --stdin and with a prompt-only account, exits 4.
                """
        )

        @OptionGroup var global: GlobalOptions

        @OptionGroup var target: AccountArgument
        var account: String { target.account }

        @Flag(name: .customLong("stdin"), help: "Read the password (then a new password, if the provider demands one) from standard input, one per line.")
        var readStandardInput = false

        func run() async throws {
            try await FailureReporting.run {
                let answers = AnswerSource.choose(stdin: readStandardInput)
                let context = try CommandContext(global, prompt: answers?.passwordPrompt)
                let accountConfig = try context.account(named: account)
                let password: String? = readStandardInput ? try answers?.secret("Password for \(account): ") : nil
                switch try await context.service.login(account: account, password: password) {
                case .loggedIn(let tokens):
                    Console.error("tokenman: logged in to \(account); \(LoginSummary.describe(tokens))")
                case .challenge(let challenge):
                    guard let answers else {
                        throw CLIFailure(.needsInteractiveLogin, "\(account): the provider demands a new password (\(challenge.name)); run tokenman login on a terminal or with --stdin")
                    }
                    Console.error("tokenman: \(account): the provider demands a new password (\(challenge.name))")
                    let newPassword = try answers.newPassword(for: account)
                    let tokens = try await context.service.answerChallenge(account: account, challenge: challenge, newPassword: newPassword)
                    Console.error("tokenman: new password set; logged in to \(account); \(LoginSummary.describe(tokens))")
                    if accountConfig.mode != .password(.prompt) {
                        Console.error("tokenman: update the account's password source: it still gives the old password")
                    }
                }
            }
        }
    }
}

/// The one-line summary after a login, for stderr.
enum LoginSummary {
    static func describe(_ tokens: TokenSet) -> String {
        let now = Date()
        let access = tokens.accessSecondsLeft(at: now).map { "access token valid for \(DurationText.format(Timestamps.wholeSeconds($0)))" }
            ?? "access token does not expire"
        guard tokens.refreshToken != nil, let refresh = tokens.refreshSecondsLeft(at: now) else { return access }
        return access + ", refresh token for \(DurationText.format(Timestamps.wholeSeconds(refresh)))"
    }
}
