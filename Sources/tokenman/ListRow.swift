import AuthEngine

/// What `tokenman list` shows of one account besides its config: its state and countdowns,
/// computed from the stored expiries at one instant without any network. Only what the list
/// prints: building a whole `AccountReport` (a copy of the config and of the tokens) for each of
/// 10,000 accounts was a large part of the list's time.
struct ListRow {
    var state: AccountStatus.State
    var accessSecondsLeft: Int?
    /// Stored tokens whose access token has no expiry: "never" or "unknown" in the ACCESS column.
    var accessWithoutExpiry: ExpirySource?
    var refreshSecondsLeft: Int?

    /// One row per configured account, in config order, from the store as `read` (before the
    /// config: see `List.run`). Unreadable store entries of configured accounts are reported on
    /// stderr, as `AccountReport.all` reports them.
    static func all(in context: CommandContext, stored read: Result<StoredExpiries, TokenStoreError>) throws(CLIFailure) -> [ListRow] {
        let stored: [StoredExpiry]
        switch read {
        case .success(let expiries): stored = expiries.of(context.config.accounts.map(\.name))
        case .failure(let error): throw CLIFailure(AuthError.storage(error.description))
        }
        for (account, entry) in zip(context.config.accounts, stored) {
            if case .unreadable(let detail) = entry {
                Console.error("tokenman: \(TokenStoreError.unreadableEntry(path: context.store.filePath, account: account.name, detail: detail))")
            }
        }
        let statuses = context.service.status(from: stored)
        return zip(statuses, stored).map { status, entry in
            var row = ListRow(
                state: status.state,
                accessSecondsLeft: status.accessSecondsLeft.map(Timestamps.wholeSeconds),
                refreshSecondsLeft: status.refreshSecondsLeft.map(Timestamps.wholeSeconds)
            )
            if case .expiry(let expiry) = entry, expiry.accessExpiresAt == nil {
                row.accessWithoutExpiry = expiry.accessExpirySource
            }
            return row
        }
    }

    /// The ACCESS column (`AccountReport.accessText`): time left, or why there is none.
    func appendAccessText(to out: inout [UInt8]) {
        if let accessWithoutExpiry {
            out += (accessWithoutExpiry == .never ? "never" : "unknown").utf8
            return
        }
        DurationText.append(accessSecondsLeft, to: &out)
    }
}
