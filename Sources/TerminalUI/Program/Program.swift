import CheckedNumbers
import FoundationEssentials
import Glibc

/// The run loop, in the Elm architecture: one `Model`, messages named for what happened,
/// a pure `update` that returns effects, and a pure `view`.
///
/// ```swift
/// enum Message: Sendable { case key(Key), tick(Date), resized(Size), loaded(Result<[Account], AuthError>) }
///
/// let program = Program(
///     model: AppModel(),
///     update: { model, message in
///         switch message {
///         case .key(.character("q")): return [.quit]
///         case .key(.character("r")):
///             return [.run { .loaded(await engine.accounts()) }]
///         case .loaded(let result): model.accounts = result; return []
///         case .tick(let now): model.now = now; return []
///         default: return []
///         }
///     },
///     view: { model, now, size in AppView.render(model, now: now, size: size) },
///     keyMessage: { key, _ in .key(key) },
///     tick: { .tick($0) },
///     resize: { .resized($0) }
/// )
/// let outcome = try program.run(backend: NCursesBackend(theme: theme))
/// ```
///
/// The loop blocks the calling thread: call it from the main thread (a synchronous `main`
/// or `ParsableCommand.run()`), not from a task on Swift's cooperative pool, whose few
/// threads (one per core) the effects need. Effects run on detached tasks; their messages
/// are queued in a locked inbox and the backend is woken, so results draw immediately.
///
/// Built in: Ctrl-Z suspends (it never reaches `keyMessage`); Ctrl-C goes to `keyMessage`
/// (for the app's own clean-up) and then always ends the loop as `.interrupted(SIGINT)`;
/// SIGINT/SIGTERM/SIGHUP/SIGQUIT and a closed terminal restore the terminal and end the loop
/// with `.interrupted`.
public struct Program<Model, Message: Sendable> {
    public var model: Model
    public var update: (inout Model, Message) -> [Effect<Message>]
    public var view: (Model, Date, Size) -> Canvas
    /// Maps a key to a message; nil ignores the key (an unmapped Ctrl-C quits).
    public var keyMessage: (Key, Model) -> Message?
    /// The message sent every `tickInterval`, aligned to whole seconds of the wall clock
    /// so countdowns change together. nil: no ticks (the view still gets `now` on redraw).
    public var tick: ((Date) -> Message)?
    /// Sent once before the first frame with the initial size, then on every resize.
    public var resize: ((Size) -> Message)?
    /// Messages from outside (scheduler events, file watchers), drained like effect results.
    public var subscriptions: AsyncStream<Message>?
    /// Effects to start before the first frame (loading the store, …).
    public var initialEffects: [Effect<Message>]
    /// Called once, right after the first frame is on the terminal: work the first frame does
    /// not need (starting a background scheduler, say) waits here rather than competing with it
    /// for the CPU during start-up.
    public var afterFirstFrame: (() -> Void)?
    public var tickInterval: Duration
    /// The clock; tests substitute a fixed one.
    public var now: @Sendable () -> Date

    public init(
        model: Model,
        update: @escaping (inout Model, Message) -> [Effect<Message>],
        view: @escaping (Model, Date, Size) -> Canvas,
        keyMessage: @escaping (Key, Model) -> Message?,
        tick: ((Date) -> Message)? = nil,
        resize: ((Size) -> Message)? = nil,
        subscriptions: AsyncStream<Message>? = nil,
        initialEffects: [Effect<Message>] = [],
        afterFirstFrame: (() -> Void)? = nil,
        tickInterval: Duration = .seconds(1),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.model = model
        self.update = update
        self.view = view
        self.keyMessage = keyMessage
        self.tick = tick
        self.resize = resize
        self.subscriptions = subscriptions
        self.initialEffects = initialEffects
        self.afterFirstFrame = afterFirstFrame
        self.tickInterval = tickInterval
        self.now = now
    }

    /// How the loop ended.
    public enum ExitReason: Hashable, Sendable {
        /// `update` returned `Effect.quit`.
        case quit
        /// A signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) arrived, Ctrl-C was pressed (SIGINT), or
        /// the terminal went away (SIGHUP); by convention exit with 128 + signal.
        case interrupted(signal: Int32)
    }

    /// Runs until quit; restores the terminal before returning (also when `start` fails
    /// half-way). Returns the final model and why the loop ended.
    public func run(backend: some TerminalBackend) throws -> (model: Model, reason: ExitReason) {
        try backend.start()
        defer { backend.stop() }
        var loop = RunLoopState(program: self, backend: backend)
        return loop.run()
    }
}

/// The mutable state of one `Program.run`, kept apart so `Program` stays a plain value.
private struct RunLoopState<Model, Message: Sendable, Backend: TerminalBackend> {
    let program: Program<Model, Message>
    let backend: Backend
    let inbox = Inbox<Message>()
    var model: Model
    var size: Size
    var exitReason: Program<Model, Message>.ExitReason?
    var pendingWrites: [[UInt8]] = []

    init(program: Program<Model, Message>, backend: Backend) {
        self.program = program
        self.backend = backend
        self.model = program.model
        self.size = backend.size
    }

    mutating func run() -> (model: Model, reason: Program<Model, Message>.ExitReason) {
        let subscriptionTask = startSubscriptions()
        defer { subscriptionTask?.cancel() }
        perform(program.initialEffects)
        // The model learns the size before the first frame (for page sizes and layouts).
        if let resize = program.resize { dispatch(resize(size)) }
        var nextTick = firstTick(after: program.now())
        render()
        program.afterFirstFrame?()
        while exitReason == nil {
            let now = program.now()
            let wait = nextTick.map { max(0, $0.timeIntervalSince(now)) } ?? 3600
            // Rounded up: waking a hair before the tick is due would spin until it is.
            if let event = backend.nextEvent(timeout: .milliseconds(Int(clamping: wait * 1000, rounding: .up))) {
                handle(event)
            }
            for message in inbox.drain() where exitReason == nil {
                dispatch(message)
            }
            let after = program.now()
            if let due = nextTick, after >= due, exitReason == nil, let tick = program.tick {
                dispatch(tick(after))
                nextTick = firstTick(after: after)
            }
            if exitReason == nil { render() }
        }
        // Writes requested by the final update (e.g. clearing the clipboard on quit).
        for bytes in pendingWrites { backend.writeRaw(bytes) }
        return (model, exitReason ?? .quit)
    }

    /// Ticks land on whole multiples of the interval (whole seconds for the default), so
    /// every countdown on screen changes at the same moment the wall clock does.
    private func firstTick(after date: Date) -> Date? {
        guard program.tick != nil else { return nil }
        let interval = max(0.05, Double(program.tickInterval.components.seconds) + Double(program.tickInterval.components.attoseconds) / 1e18)
        let t = date.timeIntervalSinceReferenceDate
        return Date(timeIntervalSinceReferenceDate: ((t / interval).rounded(.down) + 1) * interval)
    }

    private func startSubscriptions() -> Task<Void, Never>? {
        guard let stream = program.subscriptions else { return nil }
        let inbox = self.inbox
        let waker = backend.waker
        return Task.detached {
            for await message in stream {
                inbox.post(message)
                waker.wake()
            }
        }
    }

    private mutating func handle(_ event: TerminalEvent) {
        switch event {
        case .key(.resize):
            resized(to: backend.size)
        case .key(.control("z")):
            // Raw mode delivers Ctrl-Z as a key; a terminal program is expected to stop as the
            // shell's job control would stop it, and to redraw on `fg`.
            backend.suspend()
            resized(to: backend.size)
        case .key(.control("c")):
            // The app may map Ctrl-C to its own quit (clearing the clipboard, say), but Ctrl-C
            // always ends the program, as SIGINT: exit 130 by the shell's convention.
            if let message = program.keyMessage(.control("c"), model) { dispatch(message) }
            exitReason = .interrupted(signal: SIGINT)
        case .key(let key):
            if let message = program.keyMessage(key, model) {
                dispatch(message)
            }
        case .resize(let newSize):
            resized(to: newSize)
        case .terminate(let signal):
            exitReason = .interrupted(signal: signal)
        }
    }

    private mutating func resized(to newSize: Size) {
        size = newSize
        if let resize = program.resize { dispatch(resize(newSize)) }
    }

    /// Runs `update` for `message` and for any messages its effects send synchronously.
    /// (The loop's own work is kept free of per-message arrays: this generic code is not
    /// specialised for the app's types, so each array costs runtime metadata lookups, and it
    /// runs for every tick of an idle screen.)
    private mutating func dispatch(_ message: Message) {
        var follows: [Message] = []
        var nextFollow = 0
        var next: Message? = message
        while let current = next, exitReason == nil {
            for effect in program.update(&model, current) {
                if case .send(let follow) = effect.action {
                    follows.append(follow)
                } else {
                    perform(effect)
                }
            }
            next = nil
            if nextFollow < follows.count {
                next = follows[nextFollow]
                nextFollow += 1
            }
        }
    }

    private mutating func perform(_ effects: [Effect<Message>]) {
        for effect in effects { perform(effect) }
    }

    private mutating func perform(_ effect: Effect<Message>) {
        switch effect.action {
        case .run(let body):
            let inbox = self.inbox
            let waker = backend.waker
            // Detached: never the main actor, which this blocked thread may be running.
            Task.detached {
                if let message = await body() {
                    inbox.post(message)
                    waker.wake()
                }
            }
        case .send(let message):
            inbox.post(message)
            backend.waker.wake()
        case .writeToTerminal(let bytes):
            pendingWrites.append(bytes)
        case .quit:
            exitReason = .quit
        }
    }

    private mutating func render() {
        size = backend.size
        let canvas = program.view(model, program.now(), size)
        backend.draw(canvas)
        // After the frame, so the sequence never lands in the middle of a screen update.
        for bytes in pendingWrites { backend.writeRaw(bytes) }
        pendingWrites.removeAll()
    }
}
