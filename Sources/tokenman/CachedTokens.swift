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
            return stored
        }
        return try await context.service.validTokens(account: account.name, minValid: minValid)
    }
}
