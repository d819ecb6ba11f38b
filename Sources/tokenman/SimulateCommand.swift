import ArgumentParser
import FoundationEssentials
import PlatformSupport
import ProviderSimulator

extension Tokenman {
    /// `tokenman simulate`: runs the four simulated provider APIs in the foreground, for curl
    /// walk-throughs and for pointing a real tokenman config at something safe.
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Run a local simulator of the four provider APIs until Ctrl-C.",
            discussion: "Listens on 127.0.0.1 only. Every provider lives under its own path prefix on the one port."
        )

        @Option(help: "Port on 127.0.0.1 to listen on (0 picks a free port).")
        var port: Int = 8787

        @Option(name: .customLong("access-ttl"), help: "Lifetime of access (and id) tokens in seconds, for every provider.")
        var accessTTL: Int?

        @Option(name: .customLong("refresh-ttl"), help: "Lifetime of refresh tokens in seconds, for every provider.")
        var refreshTTL: Int?

        @Option(help: "Seconds of delay before every answer, for every provider (e.g. 0.5).")
        var latency: Double?

        func validate() throws {
            if let latency, !(latency >= 0 && latency <= 60) {
                throw ValidationError("--latency must be between 0 and 60 seconds, got \(latency).")
            }
            guard (0...65535).contains(port) else {
                throw ValidationError("--port must be between 0 and 65535, got \(port).")
            }
            for (flag, value) in [("--access-ttl", accessTTL), ("--refresh-ttl", refreshTTL)] {
                if let value, !(1...Self.longestLifetime).contains(value) {
                    throw ValidationError("\(flag) must be between 1 and \(Self.longestLifetime) seconds (10 years), got \(value).")
                }
            }
        }

        func run() async throws {
            // Catch the signals before announcing anything: a SIGTERM sent as soon as the banner
            // is read must stop the simulator, not be lost.
            let interrupts = InterruptWatcher()
            var configuration = SimulatorConfiguration(port: UInt16(port))
            configuration.setLifetimes(access: accessTTL.map(TimeInterval.init), refresh: refreshTTL.map(TimeInterval.init))
            if let latency {
                for provider in SimulatedProvider.allCases { configuration.latency[provider] = latency }
            }
            let simulator = ProviderSimulator(configuration: configuration)
            let boundPort: UInt16
            do {
                boundPort = try simulator.start()
            } catch {
                throw ValidationError("cannot start the simulator: \(error)")
            }
            emit(banner(for: simulator, port: boundPort))
            _ = await interrupts.next()
            simulator.stop()
            emit("simulator stopped")
        }

        /// Ten years: lifetimes beyond it mean nothing and would push dates past what can be stored.
        static let longestLifetime = 10 * 365 * 86_400

        private func banner(for simulator: ProviderSimulator, port: UInt16) -> String {
            var lines = ["tokenman provider simulator listening on 127.0.0.1:\(port)", ""]
            for provider in SimulatedProvider.allCases {
                lines.append("  \(Self.name(of: provider).paddedOrCut(toLength: 12)) \(simulator.baseURL(for: provider))")
            }
            lines.append("")
            lines.append("demo users:")
            for credential in ProviderSimulator.demoCredentials {
                let note = credential.note.map { "  (\($0))" } ?? ""
                lines.append("  \(Self.name(of: credential.provider).paddedOrCut(toLength: 12)) \(credential.username) / \(credential.password)\(note)")
            }
            lines.append("")
            lines.append("request counts: GET http://127.0.0.1:\(port)/_stats")
            lines.append("Ctrl-C to stop.")
            return lines.joined(separator: "\n")
        }

        private static func name(of provider: SimulatedProvider) -> String {
            switch provider {
            case .byteConnect: "ByteConnect"
            case .exabits: "Exabits"
            case .starship: "Starship"
            case .wikimedia: "Wikimedia"
            case .cognito: "Cognito"
            }
        }

        private func emit(_ text: String) {
            StandardStream.output.write(text + "\n")
        }
    }
}
