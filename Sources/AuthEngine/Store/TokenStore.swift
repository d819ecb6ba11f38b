import FoundationEssentials
import PlatformSupport
import Glibc
import Synchronization

/// Persists each account's tokens between runs in `tokens.json` inside a private state
/// directory: `$TOKENMAN_STATE_DIR`, else `$XDG_STATE_HOME/tokenman`, else
/// `~/.local/state/tokenman`. The file is 0600 in a 0700 directory, replaced atomically, and
/// every read-modify-write holds an `flock` on `tokens.lock`, so the TUI and a CLI process
/// running at the same moment never lose each other's updates.
///
/// Reads (`load`, `loadAll`, `snapshot`, `expiries`) take no lock: writers publish by `rename`,
/// so a reader always sees a whole file. They stream it in chunks (`TokenStoreStream`), keeping
/// only what they return, never the file's text.
/// Each account's entry is decoded on its own (`TokenStoreFile`): one unreadable entry is
/// reported for that account and kept, never discarded.
///
/// The methods block for the length of a small file operation (and while another process
/// holds the lock, which is only ever for such an operation); they never wait on the network.
/// Renewals serialise per account on a separate lock (`lockRenewal`, `RenewalLock`).
public final class TokenStore: Sendable {
    public let directory: String
    public let filePath: String
    let lockPath: String
    let warn: @Sendable (String) -> Void
    /// Called after each write through this instance (see `observeWrites`).
    private let writeObservers = Mutex<(next: Int, handlers: [Int: @Sendable () -> Void])>((0, [:]))
    /// Concurrent async updates share one locked rewrite (see `TokenStoreWriteQueue`).
    let writeQueue = TokenStoreWriteQueue()
    /// Concurrent async loads share one read (see `TokenStoreReadQueue`).
    let readQueue = TokenStoreReadQueue()
    /// The last file content this instance wrote or read for a write, with its scan and the
    /// decoded file: renewals re-read the store under their locks and every write reads it under
    /// the store lock, mostly finding what this instance last wrote, so an unchanged file is
    /// recognised by comparing its bytes (a memcmp) instead of scanning it again. Byte equality,
    /// not a stat, because a replaced file can reuse an inode, size and coarse mtime. Only
    /// writes fill it: reads stream the file (see `TokenStoreStream`) and must not leave a
    /// process that only reads (the UI between its own writes, `list`) holding the whole file.
    let lastScan = Mutex<ScanCache?>(nil)
    /// How much of the file a streaming read holds at once (tests make it tiny).
    let readChunkSize: Int

    /// The last text written or read for a write through this instance: its scan and the
    /// decoded file.
    struct ScanCache {
        var scanned: TokenStoreFile.Scanned
        var file: TokenStoreFile
    }

    /// - Parameters:
    ///   - directory: overrides the state directory (tests, `--state-dir`).
    ///   - environment: where `TOKENMAN_STATE_DIR`, `XDG_STATE_HOME` and `HOME` are looked up.
    ///   - warn: receives notes for the person (a directory that had to be tightened, a corrupt
    ///     file set aside). Not stderr by default: the TUI owns the terminal.
    public convenience init(
        directory: String? = nil,
        environment: [String: String] = ProcessEnvironment.variables,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.init(directory: directory, environment: environment, readChunkSize: TokenStoreStream.defaultChunkSize, warn: warn)
    }

    init(
        directory: String?,
        environment: [String: String] = ProcessEnvironment.variables,
        readChunkSize: Int,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        let directory = directory ?? TokenStore.defaultDirectory(environment: environment)
        self.directory = directory
        self.filePath = PathText.join(directory, "tokens.json")
        self.lockPath = PathText.join(directory, "tokens.lock")
        self.readChunkSize = readChunkSize
        self.warn = warn
    }

    public static func defaultDirectory(environment: [String: String]) -> String {
        if let explicit = environment["TOKENMAN_STATE_DIR"], !explicit.isEmpty { return explicit }
        // The XDG spec says relative values are invalid and must be ignored.
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return PathText.join(xdg, "tokenman")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? PathText.homeDirectory(environment: [:])
        return PathText.join(home, ".local/state/tokenman")
    }

    // MARK: - Reading (no lock): see TokenStore+Reading.swift

    // MARK: - Writing (under the lock)

    /// Runs `body` on the account's current tokens (nil when there are none) while holding the
    /// lock, and stores what it leaves behind (setting nil removes the account). Nothing is
    /// written when `body` changes nothing. This is the store's compare-and-swap: `body` sees
    /// the tokens as they are at this instant and decides on them.
    @discardableResult
    public func update<Result>(
        account: String,
        _ body: (inout TokenSet?) -> Result
    ) throws(TokenStoreError) -> Result {
        try updateAll { accounts in
            var tokens = accounts[account]
            let result = body(&tokens)
            accounts[account] = tokens
            return result
        }
    }

    /// Stores `tokens` for `account`, replacing what was there.
    public func save(_ tokens: TokenSet, account: String) throws(TokenStoreError) {
        try update(account: account) { $0 = tokens }
    }

    public func remove(account: String) throws(TokenStoreError) {
        try update(account: account) { $0 = nil }
    }

    /// Read-modify-write of every readable account under one lock. Entries that cannot be read
    /// are not shown to `body` and are written back unchanged, unless `body` stores new tokens
    /// for that account (a new login): then the old entry is first copied to a file of its own.
    @discardableResult
    public func updateAll<Result>(
        _ body: (inout [String: TokenSet]) -> Result
    ) throws(TokenStoreError) -> Result {
        if let warning = try PrivateDirectory.ensure(directory) { warn(warning) }
        let lock = try AdvisoryFileLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        // Every writer holds this lock while its temp file exists: any temp file seen now was
        // left by a writer that died.
        AtomicFileWriter.removeLeftovers(of: filePath)

        let current = try readFileForUpdate()
        var accounts = current.tokens
        let result = body(&accounts)
        var next = current
        for (account, entry) in current.entries where accounts[account] == nil {
            if case .tokens = entry { next.entries[account] = nil }
        }
        for (account, tokens) in accounts {
            if case .unreadable(let raw, let detail) = current.entries[account] {
                let kept = try SetAside.write(raw, besides: filePath, label: "unreadable")
                warn("\(filePath): the unreadable tokens of account \(account) (\(detail)) were replaced; the old entry was kept in \(kept)")
            }
            next.entries[account] = .tokens(tokens)
        }
        if next != current { try write(next) }
        return result
    }

    /// `updateAll` for changes to one account each, applied in order (the coalesced writes of
    /// `TokenStoreWriteQueue`): the same lock, set-aside and write, without building and comparing
    /// a dictionary of every account for each batch. Each change sees what the ones before it
    /// left; an unreadable entry is seen as nil and kept unless a change stores tokens over it.
    func updateEach(_ changes: [(account: String, apply: (inout TokenSet?) -> Void)]) throws(TokenStoreError) {
        if let warning = try PrivateDirectory.ensure(directory) { warn(warning) }
        let lock = try AdvisoryFileLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        AtomicFileWriter.removeLeftovers(of: filePath)

        var next = try readFileForUpdate()
        var changed = false
        for change in changes {
            let entry = next.entries[change.account]
            var tokens: TokenSet?
            if case .tokens(let stored) = entry { tokens = stored }
            let before = tokens
            change.apply(&tokens)
            guard tokens != before else { continue }
            changed = true
            guard let tokens else {
                next.entries[change.account] = nil
                continue
            }
            if case .unreadable(let raw, let detail) = entry {
                let kept = try SetAside.write(raw, besides: filePath, label: "unreadable")
                warn("\(filePath): the unreadable tokens of account \(change.account) (\(detail)) were replaced; the old entry was kept in \(kept)")
            }
            next.entries[change.account] = .tokens(tokens)
        }
        if changed { try write(next) }
    }

    /// Replaces the file with `file` (the lock held) and keeps what was written as the last scan.
    private func write(_ file: TokenStoreFile) throws(TokenStoreError) {
        let written = try file.encodedScan()
        try AtomicFileWriter.write(written.bytes, to: filePath, mode: 0o600)
        lastScan.withLock { $0 = ScanCache(scanned: written, file: file.reread(from: written)) }
        notifyWriteObservers()
    }

    // MARK: - Write notifications (this process)

    /// Calls `handler` after every write made through this instance (a login, a logout, a
    /// renewal), so the refresh scheduler can sleep until its next due instant and still see a
    /// login in the TUI at once. Writes by other processes are not seen; the scheduler re-reads
    /// the store at least every `RefreshPolicy.maxSleep` for those. Returns an id for
    /// `stopObservingWrites`. The handler must not block (it runs in the writer's call).
    public func observeWrites(_ handler: @escaping @Sendable () -> Void) -> Int {
        writeObservers.withLock { observers in
            observers.next += 1
            observers.handlers[observers.next] = handler
            return observers.next
        }
    }

    public func stopObservingWrites(_ id: Int) {
        writeObservers.withLock { _ = $0.handlers.removeValue(forKey: id) }
    }

    private func notifyWriteObservers() {
        let handlers = writeObservers.withLock { Array($0.handlers.values) }
        handlers.forEach { $0() }
    }

    // MARK: - File access

    /// The whole file's bytes (nil: no file), for a write (see `lastScan`); reads stream it.
    func readData() throws(TokenStoreError) -> [UInt8]? {
        guard let opened = try openForReading(unlessStamped: nil), let fd = opened.fd else { return nil }
        defer { close(fd) }
        return try readAll(fd, expectedSize: opened.size)
    }

    /// Reads straight into one buffer sized to the file (plus one byte to see the end in the
    /// same call), left uninitialised until `read` fills it: a refresh of many accounts reads a
    /// large store often, and zeroing the buffer first cost as much as a tenth of the copy.
    private func readAll(_ fd: Int32, expectedSize expected: Int) throws(TokenStoreError) -> [UInt8] {
        var bytes: [UInt8] = []
        var capacity = max(16 * 1024, expected + 1)
        var failure: Int32 = 0
        var ended = false
        while !ended, failure == 0 {
            // Only when the file grew while it was read (not our writers: they replace it).
            let kept = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, length in
                length = buffer.initialize(fromContentsOf: kept)
                guard let base = buffer.baseAddress else { return }
                while length < buffer.count {
                    let count = read(fd, base + length, buffer.count - length)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if count == 0 {
                        ended = true
                        return
                    }
                    length += count
                }
            }
            capacity *= 2
        }
        if failure != 0 {
            throw .io(path: filePath, operation: "read", reason: String(cString: strerror(failure)))
        }
        return bytes
    }

    /// Like reading, but a file that is unusable as a whole is moved aside under a name of its
    /// own (never over an earlier one) and the update starts from an empty store, so a damaged
    /// file never blocks logging in again and is never lost. A newer format is still refused.
    private func readFileForUpdate() throws(TokenStoreError) -> TokenStoreFile {
        guard let data = try readData() else { return TokenStoreFile() }
        if let cached = lastScan.withLock({ $0 }), cached.scanned.hasBytes(of: data) {
            return cached.file
        }
        do {
            let scanned = try TokenStoreFile.scan(bytes: data, path: filePath)
            let file = scanned.file()
            lastScan.withLock { $0 = ScanCache(scanned: scanned, file: file) }
            return file
        } catch {
            guard case .corrupt(_, let detail, _) = error else { throw error }
            let kept = try SetAside.moveFile(filePath, label: "corrupt")
            warn(TokenStoreError.corrupt(path: filePath, detail: detail, keptCopy: kept).description)
            return TokenStoreFile()
        }
    }
}
