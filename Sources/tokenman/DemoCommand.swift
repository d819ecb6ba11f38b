import ArgumentParser
import FoundationEssentials
import PlatformSupport
import TokenManager

extension Tokenman {
    /// `tokenman demo`: the whole product against a simulator, with nothing to set up and
    /// nothing left behind.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Try tokenman: the UI over a built-in simulator of the four providers.",
            discussion: """
                Starts the provider simulator on a free 127.0.0.1 port with short token lifetimes, \
                writes a throw-away config and token store to a new private temp directory, logs \
                in the demo accounts and opens the UI. Quitting (or SIGINT/SIGTERM) stops the \
                simulator and deletes the directory. Forgot-password codes are written to \
                mail.log in that directory (its path is in the title bar).
                """
        )

        @Option(name: .customLong("access-ttl"), help: "Access token lifetime in seconds (each provider gets this ±15 s).")
        var accessTTL: Int = 75

        @Option(name: .customLong("refresh-ttl"), help: "Refresh token lifetime in seconds.")
        var refreshTTL: Int = 300

        @OptionGroup var appearance: ThemeOption

        @Flag(name: .customLong("no-ui"), help: "Do not open the UI: print the config and state paths as shell variables, then wait for Ctrl-C (to try the scripting commands).")
        var noUI = false

        @Flag(name: .customLong("print-config"), help: "Print the demo config and exit.")
        var printConfig = false

        func validate() throws {
            guard accessTTL >= 20 else { throw ValidationError("--access-ttl must be at least 20 seconds.") }
            guard refreshTTL <= Tokenman.Simulate.longestLifetime else {
                throw ValidationError("--refresh-ttl must be at most \(Tokenman.Simulate.longestLifetime) seconds (10 years).")
            }
            guard refreshTTL > accessTTL else { throw ValidationError("--refresh-ttl must be longer than --access-ttl.") }
        }

        func run() async throws {
            try await FailureReporting.run {
                let interrupts = InterruptWatcher()
                let session = try DemoSession(accessLifetime: TimeInterval(accessTTL), refreshLifetime: TimeInterval(refreshTTL))
                defer { session.close() }
                if printConfig {
                    Console.out(session.configText.trimmedNewlines())
                    return
                }
                await session.logInDemoAccounts()
                if noUI {
                    Console.out("TOKENMAN_CONFIG=\(session.configPath)")
                    Console.out("TOKENMAN_STATE_DIR=\(session.stateDirectory)")
                    Console.out("TOKENMAN_DEMO_DIR=\(session.directory)")
                    Console.error("tokenman demo: simulator on 127.0.0.1:\(session.port); Ctrl-C to stop and clean up")
                    let signal = await interrupts.next()
                    session.close()
                    Console.error("tokenman demo: stopped; removed \(session.directory)")
                    throw ExitCode(128 + signal)
                }
                if let signal = interrupts.pending() {
                    throw ExitCode(128 + signal)
                }
                // The UI watches signals itself (and restores the terminal before returning).
                interrupts.stop()
                let status = try await TokenManagerApp.run(AppLaunchOptions(
                    configPath: session.configPath,
                    stateDirectory: session.stateDirectory,
                    themeName: appearance.theme,
                    banner: "demo: 127.0.0.1:\(session.port) · \(session.directory) · reset codes: mail.log",
                    environment: session.environment
                ))
                session.close()
                Console.error("tokenman demo: stopped the simulator and removed \(session.directory)")
                if status != 0 { throw ExitCode(status) }
            }
        }
    }
}
