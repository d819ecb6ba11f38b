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

    /// One row per configured account, in config order. Unreadable store entries are reported
    /// on stderr, as `AccountReport.all` reports them.
    static func all(in context: CommandContext) throws(CLIFailure) -> [ListRow] {
        let snapshot: TokenExpirySnapshot
        do {
            snapshot = try context.service.storedExpiries()
        } catch {
            throw CLIFailure(error)
        }
        if !snapshot.unreadable.isEmpty {
            for account in context.config.accounts {
                if let detail = snapshot.unreadable[account.name] {
                    Console.error("tokenman: \(TokenStoreError.unreadableEntry(path: context.store.filePath, account: account.name, detail: detail))")
                }
            }
        }
        let statuses = context.service.status(from: snapshot)
        return zip(context.config.accounts, statuses).map { account, status in
            var row = ListRow(
                state: status.state,
                accessSecondsLeft: status.accessSecondsLeft.map(Timestamps.wholeSeconds),
                refreshSecondsLeft: status.refreshSecondsLeft.map(Timestamps.wholeSeconds)
            )
            // Only an account without an access countdown can have tokens without an expiry.
            if row.accessSecondsLeft == nil, let expiry = snapshot.expiries[account.name], expiry.accessExpiresAt == nil {
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
