import FoundationEssentials
import Glibc
import Synchronization

/// The store's reads (no lock). Each streams the file in chunks into what it returns
/// (`TokenStoreStream`): at 100,000 accounts the file is 37 MiB, and reading it whole, then a
/// list of its members, was most of the peak memory of `tokenman list`, a cached
/// `tokenman token` and the UI's polls.
extension TokenStore {
    /// The account's tokens, nil when it has none; `.unreadableEntry` when its entry (and only
    /// its entry) cannot be decoded.
    public func load(account: String) throws(TokenStoreError) -> TokenSet? {
        try Self.tokens(of: account, in: try entries(named: [account]), path: filePath)
    }

    /// What `load(account:)` answers for each of `names`, from one read of the file (the
    /// coalesced reads of `TokenStoreReadQueue`), in the order of `names`.
    func load(accounts names: [String]) -> [Result<TokenSet?, TokenStoreError>] {
        let found: [String: TokenStoreFile.Entry]
        do throws(TokenStoreError) {
            found = try entries(named: Set(names))
        } catch {
            return names.map { _ in .failure(error) }
        }
        return names.map { name in Result { () throws(TokenStoreError) in try Self.tokens(of: name, in: found, path: filePath) } }
    }

    /// The accounts whose tokens can be read (see `snapshot()` for the others).
    public func loadAll() throws(TokenStoreError) -> [String: TokenSet] {
        try snapshot().tokens
    }

    public func snapshot() throws(TokenStoreError) -> TokenStoreSnapshot {
        try stream(into: TokenStoreEntrySinks.Snapshot(), unlessStamped: nil)?.sink?.snapshot ?? TokenStoreSnapshot()
    }

    /// `snapshot()` reduced to when the tokens expire: for a list of every account, which
    /// shows when tokens expire and never the tokens.
    public func expiries() throws(TokenStoreError) -> StoredExpiries {
        try stream(into: TokenStoreEntrySinks.Expiries(), unlessStamped: nil)?.sink?.expiries ?? StoredExpiries()
    }

    /// `expiries()`, but reading and decoding nothing when the file's stamp (device, inode,
    /// size, mtime in ns) is still `previous` (nil then): the TUI reads the store again when it
    /// sees it change, and re-decoding an unchanged file of 10,000 accounts was most of its idle
    /// CPU when it polled. The stamp is taken from the open file (`fstat`), so the bytes decoded
    /// are the ones the returned stamp names. Expiries only: tokens are read when shown or
    /// copied (`loadOne(account:)`).
    public func expiries(ifChangedFrom previous: TokenFileStamp?) throws(TokenStoreError) -> (expiries: StoredExpiries, stamp: TokenFileStamp)? {
        guard let read = try stream(into: TokenStoreEntrySinks.Expiries(), unlessStamped: previous) else { return nil }
        return (read.sink?.expiries ?? StoredExpiries(), read.stamp)
    }

    // MARK: - Helpers

    static func tokens(of name: String, in entries: [String: TokenStoreFile.Entry], path: String) throws(TokenStoreError) -> TokenSet? {
        switch entries[name] {
        case nil: return nil
        case .tokens(let tokens): return tokens
        case .unreadable(_, let detail): throw .unreadableEntry(path: path, account: name, detail: detail)
        }
    }

    /// The last entries of `names` in the file. When the file holds the bytes this instance last
    /// wrote (a renewal re-reading under its lock during `refresh --all`), they come from that
    /// write's scan, recognised by comparing the file with it chunk by chunk; otherwise the file
    /// is streamed.
    private func entries(named names: Set<String>) throws(TokenStoreError) -> [String: TokenStoreFile.Entry] {
        guard let opened = try openForReading(unlessStamped: nil), let fd = opened.fd else { return [:] }
        defer { close(fd) }
        if let cached = lastScan.withLock({ $0 }),
           try Self.file(fd, size: opened.size, holds: cached.scanned.bytes, chunkSize: readChunkSize, path: filePath) {
            return cached.scanned.entries(named: names)
        }
        var sink = TokenStoreEntrySinks.Named(names)
        var stream = TokenStoreStream(path: filePath, sizeHint: opened.size, chunkSize: readChunkSize, source: Self.source(fd, path: filePath))
        try stream.read(into: &sink)
        return sink.entries
    }

    /// Streams the file into `sink`: nil when its stamp is `skipStamp`; no sink when there is
    /// no file.
    func stream<Sink: TokenStoreEntrySink>(
        into sink: Sink, unlessStamped skipStamp: TokenFileStamp?
    ) throws(TokenStoreError) -> (sink: Sink?, stamp: TokenFileStamp)? {
        guard let opened = try openForReading(unlessStamped: skipStamp) else { return nil }
        guard let fd = opened.fd else { return (nil, opened.stamp) }
        defer { close(fd) }
        var sink = sink
        var stream = TokenStoreStream(path: filePath, sizeHint: opened.size, chunkSize: readChunkSize, source: Self.source(fd, path: filePath))
        try stream.read(into: &sink)
        return (sink, opened.stamp)
    }

    /// The file opened and checked private (on the descriptor read, no second open), with its
    /// stamp and size from `fstat` of that descriptor; no descriptor when there is no file; nil
    /// when its stamp is `skipStamp`. The caller closes the descriptor.
    func openForReading(unlessStamped skipStamp: TokenFileStamp?) throws(TokenStoreError) -> (fd: Int32?, stamp: TokenFileStamp, size: Int)? {
        try PrivateDirectory.requirePrivate(directory)
        let fd = open(filePath, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return skipStamp == .missing ? nil : (nil, .missing, 0) }
            throw .io(path: filePath, operation: "open", reason: currentErrnoDescription())
        }
        var keep = false
        defer { if !keep { close(fd) } }
        try TokenFileCheck.requirePrivate(fd: fd, path: filePath)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: filePath, operation: "stat", reason: currentErrnoDescription()) }
        let stamp = TokenFileStamp(info)
        if stamp == skipStamp { return nil }
        keep = true
        return (fd, stamp, max(0, Int(info.st_size)))
    }

    /// Reads of the open file at an offset (`pread`, so a stream can start over at 0).
    static func source(_ fd: Int32, path: String) -> TokenStoreStream.Source {
        { buffer, offset throws(TokenStoreError) in
            while true {
                let count = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
                if count >= 0 { return count }
                if errno != EINTR { throw .io(path: path, operation: "read", reason: currentErrnoDescription()) }
            }
        }
    }

    /// Whether the open file's bytes are `bytes`, compared a chunk at a time.
    static func file(_ fd: Int32, size: Int, holds bytes: [UInt8], chunkSize: Int, path: String) throws(TokenStoreError) -> Bool {
        guard size == bytes.count else { return false }
        let read = source(fd, path: path)
        var chunk = [UInt8](repeating: 0, count: max(1, min(chunkSize, bytes.count + 1)))
        var offset = 0
        while true {
            let count = try chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(TokenStoreError) in try read(buffer, offset) }
            }.get()
            // The file ends where `bytes` do (a read past them gives nothing).
            if count == 0 { return offset == bytes.count }
            guard offset + count <= bytes.count else { return false }
            let same = chunk.withUnsafeBytes { fresh in
                bytes.withUnsafeBytes { kept in
                    guard let readBase = fresh.baseAddress, let keptBase = kept.baseAddress else { return false }
                    return memcmp(readBase, keptBase + offset, count) == 0
                }
            }
            guard same else { return false }
            offset += count
        }
    }
}
