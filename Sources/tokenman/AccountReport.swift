import AuthEngine
import FoundationEssentials
import PlatformSupport

/// One account's row for `list` and `status`, computed from the stored tokens at `now` without
/// any network. JSON keys are snake_case, always present (null when unknown), in a fixed order:
/// scripts may rely on them (documented in the README).
struct AccountReport {
    var account: AccountConfig
    /// The provider's display name and default base URL, nil for an unknown provider. Not the
    /// whole definition: a copy of it in each of 100,000 reports was most of `list`'s peak memory.
    var providerName: String?
    var providerBaseURL: String?
    var status: AccountStatus
    var tokens: TokenSet?
    var now: Date

    static func all(in context: CommandContext, now: Date = Date()) throws(CLIFailure) -> [AccountReport] {
        let snapshot: TokenStoreSnapshot
        do {
            snapshot = try context.service.storedSnapshot()
        } catch {
            throw CLIFailure(error)
        }
        let stored = snapshot.tokens
        for account in context.config.accounts {
            if let detail = snapshot.unreadable[account.name] {
                Console.error("tokenman: \(TokenStoreError.unreadableEntry(path: context.store.filePath, account: account.name, detail: detail))")
            }
        }
        // From the same snapshot: reading and decoding the store a second time doubled the
        // cost of `list` at many accounts.
        let statuses = context.service.status(from: snapshot)
        let catalog = context.config.catalog
        return zip(context.config.accounts, statuses).map { account, status in
            let provider = catalog.definition(id: account.providerID)
            return AccountReport(
                account: account,
                providerName: provider?.displayName,
                providerBaseURL: provider?.defaultBaseURL,
                status: status,
                tokens: stored[account.name],
                now: now
            )
        }
    }

    var mode: String {
        if case .apiToken = account.mode { return "api_token" }
        return "password"
    }

    var secretSource: String {
        let source: SecretSource
        switch account.mode {
        case .password(let s), .apiToken(let s): source = s
        }
        switch source {
        case .prompt: return "prompt"
        case .environment: return "env"
        case .command: return "command"
        }
    }

    var accessSecondsLeft: Int? { status.accessSecondsLeft.map(Timestamps.wholeSeconds) }

    /// The ACCESS column: time left, or why there is none ("never", "unknown").
    var accessText: String {
        if let tokens, tokens.accessExpiresAt == nil {
            return tokens.accessExpirySource == .never ? "never" : "unknown"
        }
        return DurationText.format(accessSecondsLeft)
    }
    var refreshSecondsLeft: Int? { status.refreshSecondsLeft.map(Timestamps.wholeSeconds) }

    /// `tokenman list --json` element.
    var listJSON: JSONValue {
        .object([
            ("account", .string(account.name)),
            ("provider", .string(account.providerID)),
            ("username", Self.optional(account.username)),
            ("mode", .string(mode)),
            ("state", .string(status.state.rawValue)),
            ("access_expires_in", Self.optional(accessSecondsLeft)),
            ("refresh_expires_in", Self.optional(refreshSecondsLeft)),
        ])
    }

    /// `tokenman status --json` element: the list's keys and more.
    var statusJSON: JSONValue {
        guard case .object(var members) = listJSON else { return listJSON }
        let fields = account.fields.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue.string($0.value)) }
        members += [
            ("provider_name", Self.optional(providerName)),
            ("base_url", Self.optional(account.baseURL ?? providerBaseURL)),
            ("secret_source", .string(secretSource)),
            ("access_expires_at", Self.optional(tokens?.accessExpiresAt.map(Timestamps.rfc3339))),
            ("access_expiry_source", Self.optional(tokens?.accessExpirySource.rawValue)),
            ("refresh_expires_at", Self.optional(tokens?.refreshToken == nil ? nil : tokens?.refreshExpiresAt.map(Timestamps.rfc3339))),
            ("refresh_expiry_source", Self.optional(tokens?.refreshToken == nil ? nil : tokens?.refreshExpirySource.rawValue)),
            ("has_refresh_token", .bool(tokens?.refreshToken != nil)),
            ("has_id_token", .bool(tokens?.idToken != nil)),
            ("obtained_at", Self.optional(tokens.map { Timestamps.rfc3339($0.obtainedAt) })),
            ("fields", .object(fields)),
        ]
        return .object(members)
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    private static func optional(_ number: Int?) -> JSONValue {
        number.map { .number(Double($0)) } ?? .null
    }
}

/// Durations for people: `14m05s`, `2h03m`, `3d04h`, `expired`.
enum DurationText {
    static func format(_ seconds: Int?) -> String {
        guard let seconds else { return "-" }
        if seconds <= 0 { return "expired" }
        let days = seconds / 86_400, hours = (seconds % 86_400) / 3600
        let minutes = (seconds % 3600) / 60, rest = seconds % 60
        if days > 0 { return "\(days)d\(pad(hours))h" }
        if hours > 0 { return "\(hours)h\(pad(minutes))m" }
        if minutes > 0 { return "\(minutes)m\(pad(rest))s" }
        return "\(rest)s"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { width(of: $0[column]) }.max() ?? 0 }
        // One string appended to, rather than a joined array per row (a third of the time the
        // table took at 10,000 rows).
        var out = ""
        for (number, row) in all.enumerated() {
            if number > 0 { out += "\n" }
            for (index, cell) in row.enumerated() {
                if index > 0 { out += "  " }
                out += index == row.count - 1 ? cell : pad(cell, to: widths[index])
            }
        }
        return out
    }

    /// `cell.count` (characters); ASCII without a carriage return has one per byte, counted
    /// without walking grapheme boundaries.
    private static func width(of cell: String) -> Int {
        cell.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? cell.utf8.count : cell.count
    }

    /// ASCII cells, nearly all, are padded by bytes; others by Characters, as `width(of:)`
    /// counts them.
    private static func pad(_ cell: String, to width: Int) -> String {
        let length = cell.utf8.count
        guard length <= width, cell.utf8.allSatisfy({ $0 < 0x80 }) else {
            return cell.paddedOrCut(toLength: width)
        }
        return length == width ? cell : cell + String(repeating: " ", count: width - length)
    }
}
