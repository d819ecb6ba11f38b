import FoundationEssentials
import Glibc

/// Receives the entries of `tokens.json` as `TokenStoreStream` reads them, and keeps what its
/// read needs (expiries, tokens, one account's entry), never the file's text.
protocol TokenStoreEntrySink {
    /// An `accounts` member begins. Only the file's last one counts (as in a whole-file read), so
    /// whatever came from an earlier one is to be forgotten.
    mutating func restart()
    /// One member of `accounts`, in file order: the account's name and its entry's JSON text
    /// (a view of the reader's buffer, valid during the call only).
    mutating func entry(_ name: String, _ text: ArraySlice<UInt8>)
}

/// Reads `tokens.json` front to back in fixed-size chunks and hands each account's entry to a
/// sink as soon as it is whole, with every check and failure of `TokenStoreFile.scan(bytes:)`
/// (the same errors, at the same byte offsets, for any text). A read of a store of 100,000
/// accounts (37 MiB) holds one chunk, not the file; an entry longer than a chunk grows the
/// buffer for that entry only.
///
/// The document's outer objects (the file and `accounts`) are walked here, one member at a time;
/// each member is scanned whole by `JSONMemberScanner` from the buffer. A scan that fails within
/// a few bytes of the buffer's end may have failed only because the chunk ended there (a
/// literal, a `\u` escape or a number cut short), so unless the file has ended the rest is read
/// and the member scanned again; every scan includes the `,` or `}` after its value, so a number
/// is never taken as whole while more digits may follow.
struct TokenStoreStream {
    /// 256 KiB: large enough that reads and rescans of a member cut by a chunk's end cost
    /// nothing measurable, small next to a large store.
    static let defaultChunkSize = 256 * 1024

    /// Fills the buffer from the file at the given offset: how many bytes it put there, 0 at
    /// the end of the file.
    typealias Source = (UnsafeMutableRawBufferPointer, _ offset: Int) throws(TokenStoreError) -> Int

    /// How far past a failure's offset a scan may have looked: `false` (5 bytes) and `\uXXXX`.
    private static let lookahead = 8

    private let source: Source
    private let path: String
    private let chunkSize: Int
    private var buffer: [UInt8]
    /// How much of `buffer` holds text read, where the next member starts in it, and the file
    /// offset of `buffer[0]`.
    private var end = 0
    private var position = 0
    private var base = 0
    private var atEnd = false
    /// The largest the buffer has been (tests check that it stays a chunk plus an entry).
    private(set) var largestBuffer: Int
    /// The buffer's size now (tests check that it is back to a chunk after a large entry).
    var bufferSize: Int { buffer.count }

    /// - Parameter sizeHint: the file's size as `fstat` gave it, so a small file gets a small
    ///   buffer (the cached `tokenman token` of a few accounts).
    init(path: String, sizeHint: Int, chunkSize: Int = TokenStoreStream.defaultChunkSize, source: @escaping Source) {
        self.source = source
        self.path = path
        self.chunkSize = max(1, chunkSize)
        let capacity = min(self.chunkSize, max(1, sizeHint + 1))
        buffer = [UInt8](repeating: 0, count: capacity)
        largestBuffer = capacity
    }

    private enum Accounts {
        case missing
        case notAnObject
        case object
    }

    /// Reads the whole file into `sink`, then makes the checks a whole-file read makes, in its
    /// order: well-formed JSON first, then the version, then `accounts`.
    mutating func read<Sink: TokenStoreEntrySink>(into sink: inout Sink) throws(TokenStoreError) {
        try fill()
        while end < 3, !atEnd { try refill() }
        if buffer[0..<end].starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }

        var closed = try scanUnit(depth: 0) { scanner throws(JSONMemberScanner.Failure) in
            scanner.skipWhitespace()
            try scanner.expect(UInt8(ascii: "{"), "an object")
            return try Self.openObjectEnds(&scanner)
        }
        var version: Int??
        var accounts = Accounts.missing
        while !closed {
            let (key, isObject) = try scanUnit(depth: 1) { scanner throws(JSONMemberScanner.Failure) in
                try Self.memberName(&scanner)
            }
            if key == "accounts", isObject {
                sink.restart()
                accounts = .object
                try readAccounts(into: &sink)
                closed = try scanUnit(depth: 1) { scanner throws(JSONMemberScanner.Failure) in
                    try Self.separatorEnds(&scanner)
                }
                continue
            }
            let (value, ends) = try scanUnit(depth: 1) { scanner throws(JSONMemberScanner.Failure) in
                try Self.value(&scanner)
            }
            closed = ends
            if key == "version" {
                version = .some(Int(String(decoding: buffer[value], as: UTF8.self)))
            } else if key == "accounts" {
                sink.restart()
                accounts = .notAnObject
            }
        }
        try readToTheEnd()

        guard let version else { throw .corrupt(path: path, detail: "missing \"version\"", keptCopy: nil) }
        guard let version else { throw .corrupt(path: path, detail: "\"version\" is not a whole number", keptCopy: nil) }
        // Checked before the rest: a newer format must be refused, not reported as corrupt.
        guard version <= TokenStoreFile.currentVersion else { throw .unsupportedVersion(path: path, version: version) }
        switch accounts {
        case .missing: throw .corrupt(path: path, detail: "missing \"accounts\"", keptCopy: nil)
        case .notAnObject: throw .corrupt(path: path, detail: "\"accounts\" is not an object", keptCopy: nil)
        case .object: break
        }
    }

    /// The members of an `accounts` object, its `{` next.
    private mutating func readAccounts<Sink: TokenStoreEntrySink>(into sink: inout Sink) throws(TokenStoreError) {
        var closed = try scanUnit(depth: 1) { scanner throws(JSONMemberScanner.Failure) in
            scanner.skipWhitespace()
            try scanner.expect(UInt8(ascii: "{"), "an object")
            return try Self.openObjectEnds(&scanner)
        }
        while !closed {
            let (name, value, ends) = try scanUnit(depth: 2) { scanner throws(JSONMemberScanner.Failure) in
                let (name, _) = try Self.memberName(&scanner)
                let (value, ends) = try Self.value(&scanner)
                return (name, value, ends)
            }
            closed = ends
            sink.entry(name, buffer[value])
        }
    }

    // MARK: - Units: the steps of `JSONMemberScanner.forEachMember`, in its order

    /// After an object's `{`: whether it ends at once (`}`). Anything but `}` must begin a member.
    private static func openObjectEnds(_ scanner: inout JSONMemberScanner) throws(JSONMemberScanner.Failure) -> Bool {
        scanner.skipWhitespace()
        guard let byte = scanner.peek else { throw scanner.fail("expected a member name") }
        guard byte == UInt8(ascii: "}") else { return false }
        scanner.advance()
        return true
    }

    /// A member's name and `:`, and whether its value is an object.
    private static func memberName(_ scanner: inout JSONMemberScanner) throws(JSONMemberScanner.Failure) -> (String, Bool) {
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.fail("expected a member name") }
        let name = try scanner.string()
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: ":"), "\":\"")
        scanner.skipWhitespace()
        guard let byte = scanner.peek else { throw scanner.fail("unexpected end of text") }
        return (name, byte == UInt8(ascii: "{"))
    }

    /// A member's value and the `,` or `}` after it: the value's range, and whether its object ends.
    private static func value(_ scanner: inout JSONMemberScanner) throws(JSONMemberScanner.Failure) -> (Range<Int>, Bool) {
        scanner.skipWhitespace()
        let start = scanner.index
        try scanner.skipValue()
        let value = start..<scanner.index
        return (value, try separatorEnds(&scanner))
    }

    /// The `,` or `}` after a member: whether its object ends.
    private static func separatorEnds(_ scanner: inout JSONMemberScanner) throws(JSONMemberScanner.Failure) -> Bool {
        scanner.skipWhitespace()
        switch scanner.peek {
        case UInt8(ascii: ","): scanner.advance(); return false
        case UInt8(ascii: "}"): scanner.advance(); return true
        default: throw scanner.fail("expected \",\" or \"}\"")
        }
    }

    /// Only whitespace may follow the document.
    private mutating func readToTheEnd() throws(TokenStoreError) {
        while true {
            var scanner = JSONMemberScanner(bytes: buffer, index: position, end: end, depth: 0)
            scanner.skipWhitespace()
            position = scanner.index
            if position < end { throw corrupt(JSONMemberScanner.Failure(offset: position, reason: "text after the JSON object")) }
            if atEnd { return }
            try refill()
        }
    }

    // MARK: - The buffer

    /// Scans one unit from `position` and steps past it; reads on and scans it again while it
    /// fails where the chunk, not the file, may have cut it short.
    private mutating func scanUnit<Value>(
        depth: Int,
        _ body: (inout JSONMemberScanner) throws(JSONMemberScanner.Failure) -> Value
    ) throws(TokenStoreError) -> Value {
        while true {
            switch Self.attempt(body, bytes: buffer, from: position, end: end, depth: depth) {
            case .success(let (value, next)):
                position = next
                return value
            case .failure(let failure):
                if atEnd || failure.offset + Self.lookahead <= end { throw corrupt(failure) }
                try refill()
            }
        }
    }

    /// One scan, its scanner gone when it returns (it shares the buffer, which a refill changes).
    private static func attempt<Value>(
        _ body: (inout JSONMemberScanner) throws(JSONMemberScanner.Failure) -> Value,
        bytes: [UInt8], from index: Int, end: Int, depth: Int
    ) -> Result<(Value, Int), JSONMemberScanner.Failure> {
        var scanner = JSONMemberScanner(bytes: bytes, index: index, end: end, depth: depth)
        do {
            let value = try body(&scanner)
            return .success((value, scanner.index))
        } catch {
            return .failure(error)
        }
    }

    private func corrupt(_ failure: JSONMemberScanner.Failure) -> TokenStoreError {
        .corrupt(path: path, detail: "not valid JSON (\(failure.reason) at byte \(base + failure.offset))", keptCopy: nil)
    }

    /// Drops what was scanned, keeps the unit under way at the front and reads more after it:
    /// into twice the buffer when that unit already fills it, back into a chunk once a large
    /// unit is behind.
    private mutating func refill() throws(TokenStoreError) {
        let kept = end - position
        var capacity = buffer.count
        if kept == capacity {
            capacity *= 2
        } else if capacity > chunkSize, kept < chunkSize {
            capacity = chunkSize
        }
        let start = position
        if capacity != buffer.count {
            var next = [UInt8](repeating: 0, count: capacity)
            next.replaceSubrange(0..<kept, with: buffer[start..<start + kept])
            buffer = next
            largestBuffer = max(largestBuffer, capacity)
        } else if start > 0, kept > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                guard let first = bytes.baseAddress else { return }
                memmove(first, first + start, kept)
            }
        }
        base += position
        end = kept
        position = 0
        try fill()
    }

    /// Reads until the buffer is full or the file ends.
    private mutating func fill() throws(TokenStoreError) {
        let source = source
        while end < buffer.count, !atEnd {
            let offset = base + end
            let from = end
            let count = try buffer.withUnsafeMutableBytes { bytes in
                Result { () throws(TokenStoreError) in try source(UnsafeMutableRawBufferPointer(rebasing: bytes[from...]), offset) }
            }.get()
            if count == 0 { atEnd = true }
            end += count
        }
    }
}
