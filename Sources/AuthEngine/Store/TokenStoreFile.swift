import Foundation

/// The on-disk shape of `tokens.json`: a format version and account name -> tokens.
///
/// Why one file for all accounts rather than one per account: the CLI's cached
/// `tokenman token` path and the TUI's first frame each need one `read`, one atomic rename
/// publishes a consistent snapshot of every account, and a single lock covers every
/// read-modify-write. A person has a handful of accounts, so the file stays a few KiB.
struct TokenStoreFile: Codable, Sendable, Equatable {
    static let currentVersion = 1

    var version: Int
    var accounts: [String: TokenSet]

    init(version: Int = TokenStoreFile.currentVersion, accounts: [String: TokenSet] = [:]) {
        self.version = version
        self.accounts = accounts
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601WithFractionalSeconds
        return decoder
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601WithFractionalSeconds
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// RFC 3339 with milliseconds: readable in the file and exact enough for countdowns.
    static let iso8601WithFractionalSeconds = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = RFC3339.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date: \(text)")
        }
        return date
    }
}

extension JSONEncoder.DateEncodingStrategy {
    static let iso8601WithFractionalSeconds = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(RFC3339.format(date, fractionalSeconds: true))
    }
}
