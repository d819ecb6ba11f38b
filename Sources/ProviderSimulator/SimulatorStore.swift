import FoundationEssentials
import Synchronization

/// The shared engine room of the route handlers: the locked state, the clock, the output sink
/// and the fixed settings.
final class SimulatorStore: Sendable {
    let clock: @Sendable () -> Date
    let output: @Sendable (String) -> Void
    let newPasswordSessionLifetime: TimeInterval
    let wikimediaRefreshLimit: Int
    let confirmationCodeLifetime: TimeInterval
    private let state: Mutex<SimulatorState>

    init(configuration: SimulatorConfiguration) {
        clock = configuration.clock
        output = configuration.output
        newPasswordSessionLifetime = configuration.newPasswordSessionLifetime
        wikimediaRefreshLimit = configuration.wikimediaRefreshLimit
        confirmationCodeLifetime = configuration.confirmationCodeLifetime
        state = Mutex(SimulatorState(configuration: configuration, signer: JWTSigner()))
    }

    /// Runs `body` atomically with the current time. The clock is read outside the lock, since a
    /// test clock may take a lock of its own.
    func transaction<Result>(_ body: (inout SimulatorState, Date) -> Result) -> Result {
        let now = clock()
        return state.withLock { body(&$0, now) }
    }
}
