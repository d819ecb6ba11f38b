import FoundationEssentials

/// Every account in the store at one instant: the tokens that could be read, and for each entry
/// that could not, why (per account, so one bad entry leaves the others usable).
public struct TokenStoreSnapshot: Sendable, Equatable {
    public var tokens: [String: TokenSet]
    /// Account -> a short reason (never the entry's text).
    public var unreadable: [String: String]

    public init(tokens: [String: TokenSet] = [:], unreadable: [String: String] = [:]) {
        self.tokens = tokens
        self.unreadable = unreadable
    }

    /// Records what a read of `account`'s entry gave, replacing what an earlier entry of the
    /// same name gave (the last one counts).
    mutating func record(_ entry: TokenStoreFile.Entry, for account: String) {
        switch entry {
        case .tokens(let tokens):
            self.tokens[account] = tokens
            unreadable[account] = nil
        case .unreadable(_, let detail):
            unreadable[account] = detail
            self.tokens[account] = nil
        }
    }
}

extension TokenStore {
    /// Decodes the bytes of a `tokens.json` as `snapshot()` reads the file, without touching
    /// the disk. For the token store fuzz harness (Tests/Fuzz) and tools; `path` only names the
    /// file in errors.
    public static func decodeSnapshot(_ data: Data, path: String = "tokens.json") throws(TokenStoreError) -> TokenStoreSnapshot {
        try TokenStoreFile.scan(data, path: path).snapshot()
    }

    /// `decodeSnapshot` through the chunked reader the store's reads use (`TokenStoreStream`),
    /// `chunkSize` bytes at a time: the fuzz harness checks that both give the same answer.
    public static func decodeSnapshotStreaming(_ data: Data, chunkSize: Int, path: String = "tokens.json") throws(TokenStoreError) -> TokenStoreSnapshot {
        var stream = TokenStoreStream(path: path, sizeHint: data.count, chunkSize: chunkSize) { buffer, offset throws(TokenStoreError) in
            let count = max(0, min(buffer.count, data.count - offset))
            if count > 0 { data.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: offset..<offset + count) }
            return count
        }
        var sink = TokenStoreEntrySinks.Snapshot()
        try stream.read(into: &sink)
        return sink.snapshot
    }

    /// What a write that changes nothing would leave in the file for `data`: readable entries
    /// encoded afresh, unreadable ones copied as they were (see `updateAll`).
    public static func rewritten(_ data: Data, path: String = "tokens.json") throws(TokenStoreError) -> Data {
        try TokenStoreFile.decode(data, path: path).encoded()
    }
}
