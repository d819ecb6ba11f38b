import ArgumentParser
import AuthEngine

/// Runs a command body and turns any failure into one `tokenman: message` line on stderr and the
/// documented exit status (see `CLIExitStatus`).
enum FailureReporting {
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CLIFailure {
            throw exit(with: failure)
        } catch let error as AuthError {
            throw exit(with: CLIFailure(error))
        } catch let error as ConfigError {
            throw exit(with: CLIFailure(error))
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            throw exit(with: CLIFailure(.failure, String(describing: error)))
        }
    }

    private static func exit(with failure: CLIFailure) -> ExitCode {
        Console.error("tokenman: \(failure.message)")
        return ExitCode(failure.status.rawValue)
    }
}
