/// Work that `update` asks the run loop to do, as a value (Bubble Tea's `Cmd`).
///
/// `update` stays pure and fast; anything slow (HTTP, keychain, clipboard tools, timers)
/// is an `Effect.run` whose closure runs on a detached task, off the UI thread, and whose
/// returned message is fed back into `update`. Messages for a screen the user has since
/// left should carry enough identity (a request id, the account name) for `update` to
/// ignore them.
public struct Effect<Message: Sendable>: Sendable {
    enum Action: Sendable {
        case run(@Sendable () async -> Message?)
        case send(Message)
        case writeToTerminal([UInt8])
        case quit
    }

    let action: Action

    /// Runs `body` off the UI thread; a non-nil result is delivered to `update`.
    public static func run(_ body: @escaping @Sendable () async -> Message?) -> Effect {
        Effect(action: .run(body))
    }

    /// Delivers `message` to `update` right after the current one (no task, no delay).
    public static func send(_ message: Message) -> Effect {
        Effect(action: .send(message))
    }

    /// Delivers `message` after `delay` (a one-shot timer).
    public static func after(_ delay: Duration, _ message: Message) -> Effect {
        .run {
            try? await Task.sleep(for: delay)
            return message
        }
    }

    /// Writes raw bytes to the terminal between frames (e.g. an OSC 52 clipboard sequence),
    /// so nothing but the backend ever writes to the screen the UI owns.
    public static func writeToTerminal(_ bytes: [UInt8]) -> Effect {
        Effect(action: .writeToTerminal(bytes))
    }

    /// Ends the run loop after this update; the terminal is restored and `run` returns.
    public static var quit: Effect { Effect(action: .quit) }

    /// What running an effect did: the message it produced (nil: none), bytes for the
    /// terminal, or the end of the loop.
    public enum Performed: Sendable {
        case message(Message?)
        case terminalWrite([UInt8])
        case quit
    }

    /// Runs the effect here, outside any run loop: for tests that check which message an
    /// app's effect answers with (a fake client behind it), and what it writes.
    public func perform() async -> Performed {
        switch action {
        case .run(let body): return .message(await body())
        case .send(let message): return .message(message)
        case .writeToTerminal(let bytes): return .terminalWrite(bytes)
        case .quit: return .quit
        }
    }

    /// The same effect producing another message type, so a screen with its own message
    /// enum can be embedded: `formEffects.map { $0.map(AppMessage.login) }`.
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Message) -> Other) -> Effect<Other> {
        switch action {
        case .run(let body): return .run { await body().map(transform) }
        case .send(let message): return .send(transform(message))
        case .writeToTerminal(let bytes): return .writeToTerminal(bytes)
        case .quit: return .quit
        }
    }
}
