import Foundation

/// Persists each account's tokens between runs in `tokens.json` inside a private state
/// directory: `$TOKENMAN_STATE_DIR`, else `$XDG_STATE_HOME/tokenman`, else
/// `~/.local/state/tokenman`. The file is 0600 in a 0700 directory, replaced atomically, and
/// every read-modify-write holds an `flock` on `tokens.lock`, so the TUI and a CLI process
/// running at the same moment never lose each other's updates.
///
/// Reads (`load`, `loadAll`) take no lock: writers publish by `rename`, so a reader always
/// sees a whole file, and the cached `tokenman token` path stays a single `read`.
///
/// The methods block for the length of a small file operation (and while another process
/// holds the lock, which is only ever for such an operation); they never wait on the network.
public final class TokenStore: Sendable {
    public let directory: String
    public let filePath: String
    let lockPath: String
    private let warn: @Sendable (String) -> Void

    /// - Parameters:
    ///   - directory: overrides the state directory (tests, `--state-dir`).
    ///   - environment: where `TOKENMAN_STATE_DIR`, `XDG_STATE_HOME` and `HOME` are looked up.
    ///   - warn: receives notes for the person (a directory that had to be tightened, a corrupt
    ///     file set aside). Not stderr by default: the TUI owns the terminal.
    public init(
        directory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        let directory = directory ?? TokenStore.defaultDirectory(environment: environment)
        self.directory = directory
        self.filePath = (directory as NSString).appendingPathComponent("tokens.json")
        self.lockPath = (directory as NSString).appendingPathComponent("tokens.lock")
        self.warn = warn
    }

    public static func defaultDirectory(environment: [String: String]) -> String {
        if let explicit = environment["TOKENMAN_STATE_DIR"], !explicit.isEmpty { return explicit }
        // The XDG spec says relative values are invalid and must be ignored.
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("tokenman")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/state/tokenman")
    }

    // MARK: - Reading (no lock)

    public func load(account: String) throws(TokenStoreError) -> TokenSet? {
        try readFile()?.accounts[account]
    }

    public func loadAll() throws(TokenStoreError) -> [String: TokenSet] {
        try readFile()?.accounts ?? [:]
    }

    // MARK: - Writing (under the lock)

    /// Runs `body` on the account's current tokens (nil when there are none) while holding the
    /// lock, and stores what it leaves behind (setting nil removes the account). Nothing is
    /// written when `body` changes nothing.
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

    /// Read-modify-write of every account under one lock.
    @discardableResult
    public func updateAll<Result>(
        _ body: (inout [String: TokenSet]) -> Result
    ) throws(TokenStoreError) -> Result {
        if let warning = try PrivateDirectory.ensure(directory) { warn(warning) }
        let lock = try AdvisoryFileLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }

        let current = try readFileForUpdate()
        var accounts = current.accounts
        let result = body(&accounts)
        if accounts != current.accounts {
            try write(TokenStoreFile(accounts: accounts))
        }
        return result
    }

    // MARK: - File access

    private func readData() throws(TokenStoreError) -> Data? {
        try PrivateDirectory.requirePrivate(directory)
        let fd = open(filePath, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path: filePath, operation: "open", reason: currentErrnoDescription())
        }
        defer { close(fd) }
        try TokenFileCheck.requirePrivate(fd: fd, path: filePath)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: filePath, operation: "read", reason: currentErrnoDescription())
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    private func readFile() throws(TokenStoreError) -> TokenStoreFile? {
        guard let data = try readData() else { return nil }
        return try decode(data)
    }

    private func decode(_ data: Data) throws(TokenStoreError) -> TokenStoreFile {
        // Read the version first: a newer format must be refused, not reported as corrupt.
        struct VersionOnly: Decodable { var version: Int }
        let version: Int
        do {
            version = try JSONDecoder().decode(VersionOnly.self, from: data).version
        } catch {
            throw .corrupt(path: filePath, detail: Self.describe(error), keptCopy: nil)
        }
        guard version <= TokenStoreFile.currentVersion else {
            throw .unsupportedVersion(path: filePath, version: version)
        }
        do {
            return try TokenStoreFile.decoder().decode(TokenStoreFile.self, from: data)
        } catch {
            throw .corrupt(path: filePath, detail: Self.describe(error), keptCopy: nil)
        }
    }

    /// Like `readFile`, but a corrupt file is moved aside to `tokens.json.corrupt` (keeping it
    /// for the person to inspect) and the update starts from an empty store, so a damaged file
    /// never blocks logging in again. A newer format is still refused.
    private func readFileForUpdate() throws(TokenStoreError) -> TokenStoreFile {
        guard let data = try readData() else { return TokenStoreFile() }
        do {
            return try decode(data)
        } catch {
            guard case .corrupt(_, let detail, _) = error else { throw error }
            let keptPath = filePath + ".corrupt"
            if rename(filePath, keptPath) != 0 {
                throw .io(path: keptPath, operation: "rename", reason: currentErrnoDescription())
            }
            warn(TokenStoreError.corrupt(path: filePath, detail: detail, keptCopy: keptPath).description)
            return TokenStoreFile()
        }
    }

    private func write(_ file: TokenStoreFile) throws(TokenStoreError) {
        let data: Data
        do {
            data = try TokenStoreFile.encoder().encode(file)
        } catch {
            throw .io(path: filePath, operation: "encode", reason: Self.describe(error))
        }
        try AtomicFileWriter.write(data, to: filePath, mode: 0o600)
    }

    /// A short reason without echoing the file's content (it holds tokens).
    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context.codingPath))"
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        default:
            return "cannot decode"
        }
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.isEmpty ? "top level" : codingPath.map(\.stringValue).joined(separator: ".")
    }
}
