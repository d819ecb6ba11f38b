import Foundation
import Synchronization
import Testing
@testable import TerminalUI

/// A scripted terminal: returns the scripted events in order; `.idle` waits for a wake-up
/// or the loop's timeout, like a user doing nothing.
final class FakeBackend: TerminalBackend, @unchecked Sendable {
    // @unchecked: everything but `wakeSignal` is used on the loop's thread only.
    enum Step {
        case event(TerminalEvent)
        case idle
        /// Waits until the program wakes the backend (an effect result or a subscription message
        /// arrived), however loaded the machine is; 30 s only guards against a hang.
        case untilWoken
    }

    var script: [Step]
    var size: Size
    var frames: [Canvas] = []
    var rawWrites: [[UInt8]] = []
    var log: [String] = []
    private var idleWithoutScript = 0
    private let wakeSignal = DispatchSemaphore(value: 0)

    init(size: Size = Size(width: 20, height: 2), script: [Step]) {
        self.size = size
        self.script = script
    }

    var waker: TerminalWaker {
        let signal = wakeSignal
        return TerminalWaker { signal.signal() }
    }

    func start() throws { log.append("start") }
    func stop() { log.append("stop") }
    func draw(_ canvas: Canvas) {
        frames.append(canvas)
        log.append("draw")
    }
    func writeRaw(_ bytes: [UInt8]) {
        rawWrites.append(bytes)
        log.append("raw")
    }
    func suspend() { log.append("suspend") }

    func nextEvent(timeout: Duration) -> TerminalEvent? {
        guard !script.isEmpty else {
            // The script ran out without the program quitting: end it so the test fails
            // instead of hanging.
            idleWithoutScript += 1
            return idleWithoutScript > 3 ? .terminate(signal: -1) : nil
        }
        switch script.removeFirst() {
        case .event(let event):
            if case .resize(let newSize) = event { size = newSize }
            return event
        case .idle:
            let seconds = min(2.0, Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
            _ = wakeSignal.wait(timeout: .now() + seconds)
            return nil
        case .untilWoken:
            _ = wakeSignal.wait(timeout: .now() + 30)
            return nil
        }
    }
}

enum TestMessage: Sendable, Equatable {
    case key(Key)
    case loaded(String)
    case tick
    case resized(Size)
    case external(String)
}

struct TestModel {
    var log: [String] = []
    var text = "start"
    var ticks = 0
    var size = Size.zero
}

/// Runs the loop on its own thread, as the app runs it on the main thread: blocking a
/// thread of the cooperative pool would starve the effects, which run there.
func runLoop<Model, Message: Sendable>(_ program: Program<Model, Message>, _ backend: FakeBackend) async throws -> (model: Model, reason: Program<Model, Message>.ExitReason) {
    let input = UncheckedBox((program, backend))
    let output: UncheckedBox<(model: Model, reason: Program<Model, Message>.ExitReason)> = try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do {
                continuation.resume(returning: UncheckedBox(try input.value.0.run(backend: input.value.1)))
            } catch {
                continuation.resume(throwing: error)
            }
        }
        thread.start()
    }
    return output.value
}

/// Carries a non-Sendable value to the loop's thread and back; only one thread uses it at a time.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

@Suite struct ProgramTests {
    func makeProgram(subscriptions: AsyncStream<TestMessage>? = nil, tickInterval: Duration = .seconds(1), mapCtrlC: Bool = false) -> Program<TestModel, TestMessage> {
        Program(
            model: TestModel(),
            update: { model, message in
                switch message {
                case .key(.character("q")):
                    model.log.append("quit")
                    return [.quit]
                case .key(.character("r")):
                    model.log.append("request")
                    return [.run {
                        try? await Task.sleep(for: .milliseconds(20))
                        return .loaded("data")
                    }]
                case .key(.character("s")):
                    return [.send(.loaded("sync"))]
                case .key(.character("w")):
                    return [.writeToTerminal([1, 2, 3])]
                case .key(let key):
                    model.log.append("key \(key)")
                    return []
                case .loaded(let text):
                    model.log.append("loaded \(text)")
                    model.text = text
                    return []
                case .tick:
                    model.ticks += 1
                    return []
                case .resized(let size):
                    if size != Size(width: 20, height: 2) { model.log.append("resized \(size)") }
                    model.size = size
                    return []
                case .external(let text):
                    model.log.append("external \(text)")
                    return []
                }
            },
            view: { model, _, size in
                var canvas = Canvas(size: size)
                canvas.write(model.text, at: .zero)
                return canvas
            },
            keyMessage: { key, _ in
                if key == .control("c") && !mapCtrlC { return nil }
                return .key(key)
            },
            tick: { _ in .tick },
            resize: { .resized($0) },
            subscriptions: subscriptions,
            tickInterval: tickInterval
        )
    }

    @Test func effectResultIsDeliveredAndDrawn() async throws {
        let backend = FakeBackend(script: [.event(.key(.character("r"))), .untilWoken, .idle, .event(.key(.character("q")))])
        let (model, reason) = try await runLoop(makeProgram(), backend)
        #expect(reason == .quit)
        #expect(model.log == ["request", "loaded data", "quit"])
        #expect(backend.frames.contains { $0.lines.first?.hasPrefix("data") == true })
        #expect(backend.log.first == "start")
        #expect(backend.log.last == "stop")
    }

    @Test func afterFirstFrameRunsOnceRightAfterTheFirstDraw() async throws {
        let backend = FakeBackend(script: [.event(.key(.character("x"))), .event(.key(.character("q")))])
        var program = makeProgram()
        let calls = Mutex(0)
        // The hook runs on the loop's thread, so reading the backend's log there is safe.
        let box = UncheckedBox(backend)
        let seenAtCall = Mutex<[String]>([])
        program.afterFirstFrame = {
            calls.withLock { $0 += 1 }
            seenAtCall.withLock { $0 = box.value.log }
        }
        _ = try await runLoop(program, backend)
        #expect(calls.withLock { $0 } == 1)
        #expect(seenAtCall.withLock { $0 } == ["start", "draw"])
        #expect(backend.frames.count >= 2)
    }

    @Test func sendIsHandledAndDrawnAtOnce() async throws {
        let backend = FakeBackend(script: [.event(.key(.character("s"))), .idle, .event(.key(.character("q")))])
        let (model, _) = try await runLoop(makeProgram(), backend)
        #expect(model.log == ["loaded sync", "quit"])
    }

    /// Ctrl-C ends the program as SIGINT would (exit 130), not as a quit (exit 0).
    @Test func unmappedCtrlCEndsAsInterrupted() async throws {
        let backend = FakeBackend(script: [.event(.key(.control("c"))), .event(.key(.character("q")))])
        let (model, reason) = try await runLoop(makeProgram(), backend)
        #expect(reason == .interrupted(signal: SIGINT))
        #expect(model.log.isEmpty)
    }

    /// A mapped Ctrl-C reaches update first (for the app's clean-up), and still ends the loop.
    @Test func mappedCtrlCGoesToUpdateThenEndsAsInterrupted() async throws {
        let backend = FakeBackend(script: [.event(.key(.control("c"))), .event(.key(.character("q")))])
        let (model, reason) = try await runLoop(makeProgram(mapCtrlC: true), backend)
        #expect(model.log == ["key Ctrl-C"])
        #expect(reason == .interrupted(signal: SIGINT))
    }

    /// Ctrl-Z suspends although keyMessage maps every key (the app's did, so Ctrl-Z was ignored).
    @Test func ctrlZSuspendsAndRedraws() async throws {
        let backend = FakeBackend(script: [.event(.key(.control("z"))), .event(.key(.character("q")))])
        _ = try await runLoop(makeProgram(), backend)
        #expect(backend.log.contains("suspend"))
        let afterSuspend = backend.log.drop { $0 != "suspend" }
        #expect(afterSuspend.contains("draw"))
    }

    @Test func signalEndsLoopAsInterrupted() async throws {
        let backend = FakeBackend(script: [.event(.terminate(signal: SIGTERM))])
        let (_, reason) = try await runLoop(makeProgram(), backend)
        #expect(reason == .interrupted(signal: SIGTERM))
        #expect(backend.log.last == "stop")
    }

    @Test func resizeSendsMessageAndRedrawsAtNewSize() async throws {
        let backend = FakeBackend(script: [.event(.resize(Size(width: 7, height: 1))), .event(.key(.character("q")))])
        let (model, _) = try await runLoop(makeProgram(), backend)
        #expect(model.log == ["resized 7x1", "quit"])
        #expect(model.size == Size(width: 7, height: 1))
        #expect(backend.frames.last?.size == Size(width: 7, height: 1))
    }

    @Test func initialSizeIsSentBeforeTheFirstFrame() async throws {
        let backend = FakeBackend(script: [.event(.key(.character("q")))])
        let (model, _) = try await runLoop(makeProgram(), backend)
        #expect(model.size == Size(width: 20, height: 2))
    }

    @Test func subscriptionMessagesArrive() async throws {
        let (stream, continuation) = AsyncStream<TestMessage>.makeStream()
        continuation.yield(.external("scheduler"))
        let backend = FakeBackend(script: [.untilWoken, .idle, .event(.key(.character("q")))])
        let (model, _) = try await runLoop(makeProgram(subscriptions: stream), backend)
        #expect(model.log == ["external scheduler", "quit"])
    }

    @Test func ticksArriveOnTheirInterval() async throws {
        let backend = FakeBackend(script: [.idle, .idle, .idle, .idle, .event(.key(.character("q")))])
        let (model, _) = try makeProgram(tickInterval: .milliseconds(20)).run(backend: backend)
        #expect(model.ticks >= 2)
    }

    @Test func terminalWritesHappenAfterTheFrame() async throws {
        let backend = FakeBackend(script: [.event(.key(.character("w"))), .event(.key(.character("q")))])
        _ = try await runLoop(makeProgram(), backend)
        #expect(backend.rawWrites == [[1, 2, 3]])
        let rawIndex = backend.log.firstIndex(of: "raw") ?? 0
        #expect(backend.log[rawIndex - 1] == "draw")
    }

    @Test func effectMapChangesMessageType() async {
        let effect = Effect<String>.run { "inner" }.map { TestMessage.loaded($0) }
        guard case .run(let body) = effect.action else {
            Issue.record("expected a run effect")
            return
        }
        #expect(await body() == .loaded("inner"))
    }
}
