import Foundation
import Testing

@Suite("tokenman completions and man page", .endToEndSlot)
struct CliDocsTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameTheSubcommands(shell: String) async throws {
        let result = try await ProcessRunner.run(["--generate-completion-script", shell], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0)
        for name in ["token", "header", "exec", "forgot-password", "demo"] {
            #expect(result.stdout.contains(name), "\(shell) completion lacks \(name)")
        }
    }

    /// A duration's default reads as a duration, not as a Swift value.
    @Test func minValidDefaultReadsAsADuration() async throws {
        let fixture = try CliFixture()
        let help = try await fixture.tokenman("token", "--help")
        #expect(help.stdout.contains("(default: 0s)"), "\(help)")
        #expect(!help.stdout.contains("DurationArgument"), "\(help)")
    }

    @Test func manPageIsRoffWithEverySubcommandAndExitStatus() async throws {
        let result = try await ProcessRunner.run(["manpage"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(".TH TOKENMAN 1"))
        for name in ["token", "header", "exec", "list", "status", "login", "logout", "revoke", "forgot\\-password", "change\\-password", "providers", "demo", "simulate"] {
            #expect(result.stdout.contains(".SS \(name)\n"), "man page lacks \(name)")
        }
        #expect(result.stdout.contains(".SH EXIT STATUS\n.TP\n.B 0\n"))
        #expect(result.stdout.contains(".B 64\n"))
    }
}
