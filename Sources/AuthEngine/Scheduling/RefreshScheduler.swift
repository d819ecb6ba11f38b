import CheckedNumbers
import FoundationEssentials

/// Keeps the access tokens of password accounts fresh in the background.
///
/// The decision logic is `tick(now:)`: renew every account that is due and not backing off,
/// and report what happened. `run()` is only a loop of `tick` and a sleep until the next due
/// instant (or backoff end), so tests drive `tick` with a manual clock and never sleep. The sleep
/// ends early on `nudge()`, which every write to the store in this process sends (a login in the
/// TUI must be seen at once), and after `RefreshPolicy.maxSleep` at most (writes by other
/// processes, a suspended laptop).
public actor RefreshScheduler {
    private struct Backoff {
        var failures: Int
        var retryAt: Date
        /// The tokens the failures were about; new tokens (a login elsewhere) reset the backoff.
        var tokens: TokenSet
    }

    private var accounts: [AccountConfig]
    /// Counts `setAccounts` calls: a reading taken for the accounts before one is not reused.
    private var accountsGeneration = 0
    private let store: TokenStore
    private let renewer: TokenRenewer
    private let clock: any WallClock
    private let policy: RefreshPolicy
    private var backoffs: [String: Backoff] = [:]
    /// Accounts that need a person, with the tokens they had when we gave up.
    private var parked: [String: TokenSet?] = [:]
    private let continuation: AsyncStream<RefreshEvent>.Continuation
    /// `run()`'s sleep, when it is sleeping: resumed by its timer, a nudge or cancellation.
    private var sleeper: CheckedContinuation<Void, Never>?
    private var sleepTimer: Task<Void, Never>?
    /// Which sleep a timer belongs to: a late timer must not end a later sleep.
    private var sleepNumber = 0
    /// A nudge that came while `run()` was not sleeping: the next sleep is skipped.
    private var nudgePending = false
    /// How many times `tick` ran (tests check that `run()` does not tick without work).
    private(set) var tickCount = 0

    /// Every event, as it happens. One consumer (the TUI's loop).
    public nonisolated let events: AsyncStream<RefreshEvent>

    public init(
        accounts: [AccountConfig],
        store: TokenStore,
        renewer: TokenRenewer,
        clock: any WallClock,
        policy: RefreshPolicy = RefreshPolicy()
    ) {
        self.accounts = accounts
        self.store = store
        self.renewer = renewer
        self.clock = clock
        self.policy = policy
        (events, continuation) = AsyncStream.makeStream(of: RefreshEvent.self, bufferingPolicy: .bufferingNewest(256))
    }

    public func setAccounts(_ accounts: [AccountConfig]) {
        self.accounts = accounts
        accountsGeneration += 1
        let names = Set(accounts.map(\.name))
        backoffs = backoffs.filter { names.contains($0.key) }
        parked = parked.filter { names.contains($0.key) }
    }

    /// Renews what is due at `now`, concurrently, and returns the events in account order.
    @discardableResult
    public func tick(now: Date) async -> [RefreshEvent] {
        await pass(now: now).events
    }

    /// `tick(now:)`, and the expiries it read when it renewed nothing: the store is then as it
    /// read it, and `run()` takes its next wake from them.
    private func pass(now: Date) async -> TickPass {
        tickCount += 1
        let generation = accountsGeneration
        // What is due is decided from the expiries; the tokens are read for the accounts it
        // renews and those whose parked or backed-off tokens must be compared with the stored
        // ones (a second, narrow read: the decisions below are taken on it, as before).
        let accounts = self.accounts
        guard case .success(let stored) = await store.expiriesAsync(of: accounts.map(\.name)) else {
            return TickPass() // The service reports store errors; renewing blind could undo a logout.
        }
        var candidates: [AccountConfig] = []
        for (account, entry) in zip(accounts, stored) {
            guard case .password = account.mode, case .expiry(let expiry) = entry else {
                backoffs[account.name] = nil
                parked[account.name] = nil
                continue
            }
            if parked[account.name] != nil || backoffs[account.name] != nil {
                candidates.append(account)
            } else if let dueDate = policy.dueDate(for: expiry), dueDate <= now {
                candidates.append(account)
            }
        }
        let unchanged = TickPass(reading: stored, accounts: accounts, generation: generation)
        guard !candidates.isEmpty else { return unchanged }
        guard case .success(let loaded) = await store.tokensAsync(of: candidates.map(\.name)) else { return TickPass() }
        var due: [(AccountConfig, TokenSet)] = []
        for (account, tokens) in zip(candidates, loaded) {
            guard let tokens else {
                backoffs[account.name] = nil
                parked[account.name] = nil
                continue
            }
            if let parkedTokens = parked[account.name] {
                if parkedTokens == tokens { continue }
                parked[account.name] = nil
            }
            if let backoff = backoffs[account.name] {
                if backoff.tokens != tokens {
                    backoffs[account.name] = nil
                } else if now < backoff.retryAt {
                    continue
                }
            }
            guard let dueDate = policy.dueDate(for: tokens), dueDate <= now else { continue }
            due.append((account, tokens))
        }
        if due.isEmpty { return unchanged }

        var events: [RefreshEvent] = []
        var outcomes: [Int: Result<TokenSet, AuthError>] = [:]
        await withTaskGroup(of: RenewalOutcome.self) { group in
            for (index, (account, tokens)) in due.enumerated() {
                let path = renewer.plan(for: account, tokens: tokens, now: now)
                emit(.started(account: account.name, path: path), into: &events)
                group.addTask { [renewer] in
                    // The awaited result is bound to a local before it is packed with `index`:
                    // `return (index, .success(try await …))` is miscompiled by Swift 6.3 -O
                    // (the index comes back as garbage; see DECISIONS.md).
                    let result: Result<TokenSet, AuthError>
                    do throws(AuthError) {
                        let fresh = try await renewer.renew(account, replacing: tokens)
                        result = .success(fresh)
                    } catch {
                        result = .failure(error)
                    }
                    return RenewalOutcome(index: index, result: result)
                }
            }
            for await outcome in group { outcomes[outcome.index] = outcome.result }
        }
        for (index, (account, tokens)) in due.enumerated() {
            guard let outcome = outcomes[index] else { continue }
            emit(record(outcome, account: account.name, tokens: tokens, now: now), into: &events)
        }
        return TickPass(events: events)
    }

    public func tick() async -> [RefreshEvent] {
        await tick(now: clock.now())
    }

    /// The earliest instant at which `tick` has work: a due token or the end of a backoff.
    public func nextWake(now: Date) async -> Date? {
        let accounts = self.accounts
        guard case .success(let stored) = await store.expiriesAsync(of: accounts.map(\.name)) else { return nil }
        return await nextWake(stored, of: accounts)
    }

    /// `nextWake(now:)` from expiries already read for `accounts`. Parked and backed-off accounts
    /// are compared on their stored tokens, read for them alone.
    private func nextWake(_ stored: [StoredExpiry], of accounts: [AccountConfig]) async -> Date? {
        var held: [AccountConfig] = []
        var earliest: Date?
        for (account, entry) in zip(accounts, stored) {
            guard case .password = account.mode, case .expiry(let expiry) = entry else { continue }
            if parked[account.name] != nil || backoffs[account.name] != nil {
                held.append(account)
            } else if let wake = policy.dueDate(for: expiry) {
                earliest = min(earliest ?? wake, wake)
            }
        }
        guard !held.isEmpty else { return earliest }
        guard case .success(let loaded) = await store.tokensAsync(of: held.map(\.name)) else { return nil }
        for (account, tokens) in zip(held, loaded) {
            guard let tokens else { continue }
            if let parkedTokens = parked[account.name], parkedTokens == tokens { continue }
            var wake = policy.dueDate(for: tokens)
            if let backoff = backoffs[account.name], backoff.tokens == tokens, let due = wake {
                wake = max(due, backoff.retryAt)
            }
            if let wake { earliest = min(earliest ?? wake, wake) }
        }
        return earliest
    }

    /// Ticks and sleeps until cancelled: until the next due instant or backoff end, a nudge
    /// (any write to the store through this process's `TokenStore`), or `maxSleep`.
    public func run() async {
        let observer = store.observeWrites { [weak self] in self?.nudge() }
        while !Task.isCancelled {
            // Nudges from before this tick are answered by it; later ones (including the writes
            // of this tick's own renewals, at most one extra tick) end the coming sleep.
            nudgePending = false
            let now = clock.now()
            // A tick that renewed nothing leaves the store as it read it: its reading serves
            // the next wake too (one read of the store per pass, not two).
            let pass = await pass(now: now)
            let after = clock.now()
            let next: Date?
            if let stored = pass.reading, pass.generation == accountsGeneration {
                next = await nextWake(stored, of: pass.accounts)
            } else {
                next = await nextWake(now: after)
            }
            let wake = next ?? after + policy.maxSleep
            let delay = min(max(wake.timeIntervalSince(after), 0.2), policy.maxSleep)
            await sleep(seconds: delay)
        }
        store.stopObservingWrites(observer)
        continuation.finish()
    }

    /// Ends `run()`'s current sleep (or the next one, if it is ticking): the store or the
    /// accounts changed. Callable from anywhere; returns at once.
    public nonisolated func nudge() {
        Task { await self.wake(nudged: true) }
    }

    private func sleep(seconds delay: TimeInterval) async {
        if nudgePending { return }
        let nanoseconds = UInt64(clamping: Int(clamping: delay * 1_000_000_000))
        await withTaskCancellationHandler {
            await withCheckedContinuation { (sleeper: CheckedContinuation<Void, Never>) in
                if Task.isCancelled {
                    sleeper.resume()
                    return
                }
                self.sleeper = sleeper
                sleepNumber += 1
                let number = sleepNumber
                sleepTimer = Task { [weak self] in
                    guard (try? await Task.sleep(nanoseconds: nanoseconds)) != nil else { return }
                    await self?.timerFired(number)
                }
            }
        } onCancel: {
            Task { await self.wake(nudged: false) }
        }
    }

    private func timerFired(_ number: Int) {
        if number == sleepNumber { wake(nudged: false) }
    }

    private func wake(nudged: Bool) {
        guard let sleeper else {
            if nudged { nudgePending = true }
            return
        }
        self.sleeper = nil
        sleepTimer?.cancel()
        sleepTimer = nil
        sleeper.resume()
    }

    private func record(_ outcome: Result<TokenSet, AuthError>, account: String, tokens: TokenSet, now: Date) -> RefreshEvent {
        switch outcome {
        case .success(let fresh):
            backoffs[account] = nil
            return .finished(account: account, tokens: fresh)
        case .failure(let error):
            switch error {
            case .needsInteractiveLogin(let reason):
                parked[account] = tokens
                return .needsLogin(account: account, reason: reason)
            case .wrongCredentials, .validation, .forbidden, .tokenRejected, .challengeExpired, .unsupported, .passwordResetRequired:
                // Retrying a refused password would only lock the account at the provider.
                parked[account] = tokens
                return .needsLogin(account: account, reason: error.message)
            case .cancelled:
                // Logged out while renewing: nothing to retry.
                return .needsLogin(account: account, reason: "Account \(account) was logged out.")
            default:
                let failures = (backoffs[account]?.failures ?? 0) + 1
                var wait = policy.backoff(afterFailures: failures)
                if case .rateLimited(let retryAfter?, _) = error { wait = retryAfter }
                let retryAt = now + wait
                backoffs[account] = Backoff(failures: failures, retryAt: retryAt, tokens: tokens)
                return .failed(account: account, error: error, retryAt: retryAt)
            }
        }
    }

    /// What one tick did; `reading`: the expiries it read for `accounts`, when it renewed nothing.
    private struct TickPass {
        var events: [RefreshEvent] = []
        var reading: [StoredExpiry]?
        var accounts: [AccountConfig] = []
        var generation = 0
    }

    /// One child task's answer; a named type rather than a tuple (see `tick`).
    private struct RenewalOutcome: Sendable {
        let index: Int
        let result: Result<TokenSet, AuthError>
    }

    private func emit(_ event: RefreshEvent, into events: inout [RefreshEvent]) {
        events.append(event)
        continuation.yield(event)
    }
}
