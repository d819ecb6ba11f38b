import Foundation
import Testing

/// `token` and `header` answer a cached token before ArgumentParser runs (`CachedTokenFastPath`).
/// Whatever shape the command line has, the answer, the messages and the exit status must be
/// those of the parser's path: the fast path either answers exactly as it would or stays silent.
struct CliFastPathTests {
    @Test func optionSpellingsAndOrderGiveTheSameToken() async throws {
        let fixture = try CliFixture()
        let plain = try await fixture.tokenman("token", "wm", "--kind", "refresh")
        #expect(plain.status == 0, "\(plain)")
        let spellings: [[String]] = [
            ["token", "wm", "--kind=refresh"],
            ["token", "--kind", "refresh", "wm"],
            ["token", "wm", "--kind", "refresh", "--min-valid", "1m"],
            ["token", "--config", fixture.configPath, "--state-dir", fixture.stateDirectory, "wm", "--kind", "refresh"],
            ["token", "--config=\(fixture.configPath)", "wm", "--state-dir=\(fixture.stateDirectory)", "--kind=refresh"],
        ]
        for arguments in spellings {
            let result = try await fixture.tokenman(arguments: arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            #expect(result.output == plain.output, "\(arguments)")
            #expect(result.stderr.isEmpty, "\(arguments): \(result)")
        }
        let header = try await fixture.tokenman("header", "wm", "--min-valid", "90s")
        #expect(header.status == 0, "\(header)")
        let access = try await fixture.tokenman("token", "wm")
        #expect(header.output == "Authorization: Bearer \(access.output)")
        #expect(fixture.simulator.tally(for: .wikimedia).logins == 1)
        #expect(fixture.simulator.tally(for: .wikimedia).refreshes == 0)
    }

    @Test func mistakesWithACachedTokenKeepTheParsersAnswers() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "ss").status == 0)
        let usage: [[String]] = [
            ["token", "ss", "--kind", "bogus"], ["token", "ss", "--kind"], ["token", "ss", "--min-valid", "soon"],
            ["token", "ss", "--min-valid", "-5m"], ["token", "ss", "extra"], ["token", "ss", "--bogus", "x"],
            ["header", "ss", "--kind", "access"], ["token"], ["header"], ["token", "ss", "--config"],
        ]
        for arguments in usage {
            let result = try await fixture.tokenman(arguments: arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.output.isEmpty, "\(arguments): \(result)")
            #expect(result.stderr.contains("Error:") || result.stderr.contains("Usage:"), "\(arguments): \(result)")
        }
        let unknown = try await fixture.tokenman("token", "nope")
        #expect(unknown.status == 3, "\(unknown)")
        #expect(unknown.stderr.contains("no account named \"nope\""), "\(unknown)")
        let noID = try await fixture.tokenman("token", "ss", "--kind", "id")
        #expect(noID.status == 1, "\(noID)")
        #expect(noID.stderr == "tokenman: account ss holds no id token (only Wikimedia issues one)\n", "\(noID)")
        let missingConfig = try await fixture.tokenman("token", "ss", "--config", fixture.directory + "/missing.toml")
        #expect(missingConfig.status == 3, "\(missingConfig)")
        let help = try await fixture.tokenman("token", "ss", "--help")
        #expect(help.status == 0, "\(help)")
        #expect(help.output.contains("--min-valid"), "\(help)")
    }

    /// A store the fast path cannot use (here: a state directory others can read) is reported
    /// once, by the parser's path, with its exit status; the token is not printed.
    @Test func storeProblemsAreReportedOnce() async throws {
        let fixture = try CliFixture()
        #expect(try await fixture.tokenman("token", "ss").status == 0)
        chmod(fixture.stateDirectory, 0o755)
        let loose = try await fixture.tokenman("token", "ss")
        chmod(fixture.stateDirectory, 0o700)
        #expect(loose.status == 1, "\(loose)")
        #expect(loose.output.isEmpty, "\(loose)")
        let lines = loose.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(loose)")
        #expect(loose.stderr.contains("run: chmod 700 \(fixture.stateDirectory)"), "\(loose)")
    }
}
