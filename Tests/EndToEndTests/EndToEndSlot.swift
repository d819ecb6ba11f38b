import Foundation
import Testing

/// Bounds how many end-to-end tests run at once: every suite of this target carries
/// `.endToEndSlot`, and each test case waits (suspended, not blocking a thread) for one of
/// `EndToEndSlot.width` slots before it runs.
///
/// Why: the tests themselves no longer block cooperative-pool threads, so Swift Testing starts
/// all of them in the same instant. Each one starts a simulator and real processes (tmux
/// servers, tokenman TUIs, CLI runs); 48 of them at once on a 2-core machine overload it for
/// seconds, so the pool threads the rest of the process shares barely run, and the in-process
/// unit tests that wait for a task (TerminalUI `ProgramTests`) time out, and the tests' own
/// timing (a countdown that must move within 4 s, a login within 10 s) gets tight. One slot
/// per core (at least two) is about the overlap the tests had when each held a pool thread.
struct EndToEndSlot: SuiteTrait, TestTrait, TestScoping {
    static let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
    private static let slots = AsyncSlots(count: width)

    /// On a suite, hand the trait down to its tests; the slot is taken per test case.
    var isRecursive: Bool { true }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> EndToEndSlot? {
        testCase == nil ? nil : self
    }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        await Self.slots.acquire()
        do {
            try await function()
        } catch {
            await Self.slots.release()
            throw error
        }
        await Self.slots.release()
    }
}

extension Trait where Self == EndToEndSlot {
    /// Runs each test of the suite in one of a few shared slots (see `EndToEndSlot`).
    static var endToEndSlot: EndToEndSlot { EndToEndSlot() }
}

/// A counting semaphore for tasks: waiters suspend instead of blocking a thread.
private actor AsyncSlots {
    private var free: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(count: Int) {
        free = count
    }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            free += 1
        } else {
            // The slot passes straight to the longest waiter.
            waiters.removeFirst().resume()
        }
    }
}
