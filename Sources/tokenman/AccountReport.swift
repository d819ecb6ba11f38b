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
