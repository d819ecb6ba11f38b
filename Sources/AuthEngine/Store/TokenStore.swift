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
/// Reads (`load`, `loadAll`, `snapshot`) take no lock: writers publish by `rename`, so a reader
/// always sees a whole file, and the cached `tokenman token` path stays a single `read`.
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
    /// The last file content this instance scanned, with the scan: renewals re-read the store
    /// under their locks and every write reads it under the store lock, mostly finding what this
    /// instance last read or wrote, so an unchanged file is recognised by comparing its bytes (a
    /// memcmp) instead of scanning it again. Byte equality, not a stat, because a replaced file
    /// can reuse an inode, size and coarse mtime.
    private let lastScan = Mutex<ScanCache?>(nil)

    /// The last text read or written through this instance: its scan and, once decoded as a
    /// whole (for an update), the decoded file.
    private struct ScanCache {
        var scanned: TokenStoreFile.Scanned
        var file: TokenStoreFile?
    }

    /// - Parameters:
    ///   - directory: overrides the state directory (tests, `--state-dir`).
    ///   - environment: where `TOKENMAN_STATE_DIR`, `XDG_STATE_HOME` and `HOME` are looked up.
    ///   - warn: receives notes for the person (a directory that had to be tightened, a corrupt
    ///     file set aside). Not stderr by default: the TUI owns the terminal.
    public init(
        directory: String? = nil,
        environment: [String: String] = ProcessEnvironment.variables,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        let directory = directory ?? TokenStore.defaultDirectory(environment: environment)
        self.directory = directory
        self.filePath = PathText.join(directory, "tokens.json")
        self.lockPath = PathText.join(directory, "tokens.lock")
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

    // MARK: - Reading (no lock)

    /// The account's tokens, nil when it has none; `.unreadableEntry` when its entry (and only
    /// its entry) cannot be decoded. Decodes that one entry only: the cached `tokenman token`.
    public func load(account: String) throws(TokenStoreError) -> TokenSet? {
        guard let data = try readData() else { return nil }
        switch try scan(data).entry(account) {
        case nil: return nil
        case .tokens(let tokens): return tokens
        case .unreadable(_, let detail): throw .unreadableEntry(path: filePath, account: account, detail: detail)
        }
    }

    /// What `load(account:)` answers for each of `names`, from one read of the file (the
    /// coalesced reads of `TokenStoreReadQueue`), in the order of `names`.
    func load(accounts names: [String]) -> [Result<TokenSet?, TokenStoreError>] {
        let scanned: TokenStoreFile.Scanned
        do throws(TokenStoreError) {
            guard let data = try readData() else { return names.map { _ in .success(nil) } }
            scanned = try scan(data)
        } catch {
            return names.map { _ in .failure(error) }
        }
        let entries = scanned.entries(named: Set(names))
        return names.map { name in
            switch entries[name] {
            case nil: .success(nil)
            case .tokens(let tokens): .success(tokens)
            case .unreadable(_, let detail): .failure(.unreadableEntry(path: filePath, account: name, detail: detail))
            }
        }
    }

    /// The accounts whose tokens can be read (see `snapshot()` for the others).
    public func loadAll() throws(TokenStoreError) -> [String: TokenSet] {
        try snapshot().tokens
    }

    public func snapshot() throws(TokenStoreError) -> TokenStoreSnapshot {
        guard let data = try readData() else { return TokenStoreSnapshot() }
        return try TokenStoreFile.scan(bytes: data, path: filePath).snapshot()
    }

    /// `snapshot()` reduced to when the tokens expire: for a list of every account, which
    /// shows when tokens expire and never the tokens.
    public func expiries() throws(TokenStoreError) -> StoredExpiries {
        guard let data = try readData() else { return StoredExpiries() }
        return try TokenStoreFile.scan(bytes: data, path: filePath).expiries()
    }

    /// Like `snapshot()`, but reads and decodes nothing when the file's stamp (device, inode,
    /// size, mtime in ns) is still `previous`: the TUI polls the store for other processes'
    /// writes, and re-decoding an unchanged file of 10,000 accounts every few seconds was most
    /// of its idle CPU. The stamp is taken from the open file (`fstat`), so the bytes decoded
    /// are the ones the returned stamp names.
    public func snapshot(ifChangedFrom previous: TokenFileStamp?) throws(TokenStoreError) -> TokenStoreReading {
        guard let (data, stamp) = try readData(unlessStamped: previous) else { return .unchanged }
        guard let data else { return .changed(TokenStoreSnapshot(), stamp) }
        return .changed(try TokenStoreFile.scan(bytes: data, path: filePath).snapshot(), stamp)
    }

    /// `expiries()` unless the file's stamp is still `previous` (nil then): what the TUI polls
    /// for other processes' writes, which needs the expiries only (tokens are read when shown
    /// or copied, see `load(account:)`).
    public func expiries(ifChangedFrom previous: TokenFileStamp?) throws(TokenStoreError) -> (expiries: StoredExpiries, stamp: TokenFileStamp)? {
        guard let (data, stamp) = try readData(unlessStamped: previous) else { return nil }
        guard let data else { return (StoredExpiries(), stamp) }
        return (try TokenStoreFile.scan(bytes: data, path: filePath).expiries(), stamp)
    }

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

    private func scan(_ data: [UInt8]) throws(TokenStoreError) -> TokenStoreFile.Scanned {
        if let cached = lastScan.withLock({ $0 }), cached.scanned.hasBytes(of: data) { return cached.scanned }
        let scanned = try TokenStoreFile.scan(bytes: data, path: filePath)
        lastScan.withLock { $0 = ScanCache(scanned: scanned, file: nil) }
        return scanned
    }

    func readData() throws(TokenStoreError) -> [UInt8]? {
        try readData(unlessStamped: nil)?.data
    }

    /// The file's bytes (nil: no file) and its stamp; nil when its stamp is `skipStamp`.
    private func readData(unlessStamped skipStamp: TokenFileStamp?) throws(TokenStoreError) -> (data: [UInt8]?, stamp: TokenFileStamp)? {
        try PrivateDirectory.requirePrivate(directory)
        let fd = open(filePath, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return skipStamp == .missing ? nil : (nil, .missing) }
            throw .io(path: filePath, operation: "open", reason: currentErrnoDescription())
        }
        defer { close(fd) }
        try TokenFileCheck.requirePrivate(fd: fd, path: filePath)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: filePath, operation: "stat", reason: currentErrnoDescription()) }
        let stamp = TokenFileStamp(info)
        if stamp == skipStamp { return nil }
        return (try readAll(fd, expectedSize: max(0, Int(info.st_size))), stamp)
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
        if let cached = lastScan.withLock({ $0 }), let file = cached.file, cached.scanned.hasBytes(of: data) {
            return file
        }
        do {
            let scanned = try scan(data)
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
