import AuthEngine
import CheckedNumbers
import FoundationEssentials

/// The cached-token fast path shared by `token`, `header` and `exec`: a valid stored token is
/// read synchronously on the calling thread, so the common case starts no Dispatch worker and
/// touches no actor and takes no lock; only when renewal is needed does the service (and the
/// network, and the account's renewal lock) get involved.
enum CachedTokens {
    static func valid(account: String, minValid: TimeInterval, in context: CommandContext) async throws -> TokenSet {
        let account = try context.account(named: account)
        if let stored = stored(account, minValid: minValid, in: context) {
            try TokenSyntax.requireValid(stored)
            noteShortGrant(stored, account: account.name, minValid: minValid)
            return stored
        }
        let tokens = try await context.service.validTokens(account: account.name, minValid: minValid)
        // A hand-edited store or an API token from its source has not been through the flows'
        // check on receipt; these tokens are about to become header lines or environment values.
        try TokenSyntax.requireValid(tokens)
        noteShortGrant(tokens, account: account.name, minValid: minValid)
        return tokens
    }

    /// The stored tokens when they cover `minValid` now, read synchronously; nil when the
    /// service must be asked (nothing stored, expiring, an API-token account, an unreadable store).
    /// One entry is read without keeping the file's scan: a renewal after it reads the store
    /// again anyway, and the common case (a valid token) reads nothing more.
    static func stored(_ account: AccountConfig, minValid: TimeInterval, in context: CommandContext) -> TokenSet? {
        guard case .password = account.mode,
              let stored = try? context.store.loadOne(account: account.name),
              stored.coversMinValid(minValid, at: Date()) else { return nil }
        return stored
    }

    /// One line on stderr when the token falls short of `--min-valid` because the provider
    /// grants less: the token is still printed (exit 0), and it is not renewed again within its
    /// life, since a renewal would only bring another token of the same lifetime.
    static func noteShortGrant(_ tokens: TokenSet, account: String, minValid: TimeInterval) {
        guard minValid > 0, let left = tokens.accessSecondsLeft(at: Date()), left <= minValid else { return }
        let granted = tokens.accessLifetime.map { " grants access tokens for \(DurationText.format(Int(clamping: $0)))," } ?? ""
        Console.error(
            "tokenman: account \(account): the provider\(granted) less than --min-valid \(DurationText.format(Int(clamping: minValid, rounding: .up))); "
                + "this token is valid for \(DurationText.format(Int(clamping: left)))"
        )
    }
}
