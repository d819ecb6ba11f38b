import Foundation
import Testing
@testable import AuthEngine

@Suite struct SecretResolverTests {
    let account = AccountConfig(name: "gpu", providerID: "exabits", username: "alice")

    func account(_ source: SecretSource) -> AccountConfig {
        var copy = account
        copy.mode = .password(source)
        return copy
    }

    @Test func environmentVariableIsReturned() async throws {
        let resolver = SecretResolver(environment: ["GPU_PASSWORD": "s3cret pass"])
        #expect(try await resolver.secret(for: account(.environment("GPU_PASSWORD"))) == "s3cret pass")
    }

    @Test func unsetOrEmptyEnvironmentVariableIsNamedNotShown() async {
        let resolver = SecretResolver(environment: ["EMPTY": ""])
        await #expect(throws: AuthError.secretUnavailable("password_env for account gpu: environment variable GPU_PASSWORD is not set")) {
            try await resolver.secret(for: account(.environment("GPU_PASSWORD")))
        }
        await #expect(throws: AuthError.secretUnavailable("password_env for account gpu: environment variable EMPTY is empty")) {
            try await resolver.secret(for: account(.environment("EMPTY")))
        }
    }

    @Test func apiTokenSourcesAreNamedByTheirOwnKey() async {
        var apiAccount = account
        apiAccount.mode = .apiToken(.environment("GPU_TOKEN"))
        await #expect(throws: AuthError.secretUnavailable("api_token_env for account gpu: environment variable GPU_TOKEN is not set")) {
            try await SecretResolver(environment: [:]).secret(for: apiAccount)
        }
    }

    @Test func commandFirstLineOfStdoutIsTheSecret() async throws {
        let resolver = SecretResolver()
        let secret = try await resolver.secret(for: account(.command("printf ' pa ss \\r\\nsecond line\\n'; echo noise >&2")))
        #expect(secret == " pa ss ")
    }

    @Test func commandFailureQuotesNeitherStderrNorStdout() async {
        let resolver = SecretResolver()
        let command = "echo leaked-secret; echo 'gpg: decryption failed: No secret key' >&2; echo more >&2; exit 2"
        await #expect(throws: AuthError.secretUnavailable(
            "password_command for account gpu exited with status 2 (its error output is not shown, as it may hold the secret; run the command in a shell to see it)"
        )) {
            try await resolver.secret(for: account(.command(command)))
        }
    }

    @Test func commandFailureWithoutStderrHasNoTrailingColon() async {
        await #expect(throws: AuthError.secretUnavailable("password_command for account gpu exited with status 1")) {
            try await SecretResolver().secret(for: account(.command("false")))
        }
    }

    @Test func commandPrintingNothingIsAnError() async {
        await #expect(throws: AuthError.secretUnavailable("password_command for account gpu printed nothing on its first line")) {
            try await SecretResolver().secret(for: account(.command("true")))
        }
    }

    @Test func slowCommandIsStoppedAtTheTimeoutWithItsChildren() async {
        let resolver = SecretResolver(commandTimeout: 0.5)
        let started = Date()
        // The background sleep keeps stdout open: only killing the process group ends it.
        await #expect(throws: AuthError.secretUnavailable(
            "password_command for account gpu did not finish within 0.5s and was stopped (its error output is not shown, as it may hold the secret; run the command in a shell to see it)"
        )) {
            try await resolver.secret(for: account(.command("echo waiting >&2; sleep 30 & sleep 30")))
        }
        // Far below the 30 s the children would run; loose enough for a loaded CI machine.
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func commandDoesNotReadOurStdin() async throws {
        let secret = try await SecretResolver().secret(for: account(.command("cat; echo after-eof")))
        #expect(secret == "after-eof")
    }

    @Test func promptIsUsedOnlyWhenInteractive() async throws {
        let resolver = SecretResolver(prompt: { account throws(AuthError) in "typed-for-\(account.name)" })
        #expect(try await resolver.secret(for: account(.prompt)) == "typed-for-gpu")
        await #expect(throws: AuthError.self) {
            try await resolver.secret(for: account(.prompt), interactive: false)
        }
    }

    @Test func promptWithoutAPersonNeedsInteractiveLogin() async {
        await #expect(throws: AuthError.needsInteractiveLogin(
            "Account gpu needs its password typed in; set password_env or password_command to log in without a person."
        )) {
            try await SecretResolver().secret(for: account(.prompt))
        }
    }
}
