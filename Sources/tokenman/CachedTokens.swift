import AuthEngine
import Foundation

/// The cached-token fast path shared by `token`, `header` and `exec`: a valid stored token is
/// read synchronously on the calling thread, so the common case starts no Dispatch worker and
/// touches no actor; only when renewal is needed does the service (and the network) get involved.
enum CachedTokens {
    static func valid(account: String, minValid: TimeInterval, in context: CommandContext) async throws -> TokenSet {
        let account = try context.account(named: account)
        if case .password = account.mode,
           let stored = try? context.store.load(account: account.name),
           stored.isAccessValid(at: Date(), minValid: minValid) {
            try TokenSyntax.requireValid(stored)
            return stored
        }
        let tokens = try await context.service.validTokens(account: account.name, minValid: minValid)
        // A hand-edited store or an API token from its source has not been through the flows'
        // check on receipt; these tokens are about to become header lines or environment values.
        try TokenSyntax.requireValid(tokens)
        return tokens
    }
}
