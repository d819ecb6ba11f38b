import Foundation
@testable import AuthEngine

/// A fake provider whose answers the test scripts and whose calls it counts.
final class ScriptedAuthenticator: AccountAuthenticating, @unchecked Sendable {
    enum Call: Equatable {
        case login(account: String, password: String)
        case refresh(account: String, refreshToken: String?)
        case revoke(account: String)
        case answerChallenge(account: String, newPassword: String)
        case requestReset(account: String)
        case confirmReset(account: String, code: String)
        case changePassword(account: String)
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    private var refreshAnswers: [Result<TokenSet, AuthError>] = []
    private var loginAnswers: [Result<AccountLoginOutcome, AuthError>] = []
    var refreshDelay: TimeInterval = 0
    var providersWithoutRefresh: Set<String> = ["exabits"]
    var revokeError: AuthError?

    var calls: [Call] { lock.withLock { recorded } }
    /// The most refreshes that were under way at one moment.
    var mostRefreshesAtOnce: Int { lock.withLock { refreshesAtOnce.most } }
    private var refreshesAtOnce = (now: 0, most: 0)

    func answerRefresh(_ answer: Result<TokenSet, AuthError>) { lock.withLock { refreshAnswers.append(answer) } }
    func answerLogin(_ answer: Result<AccountLoginOutcome, AuthError>) { lock.withLock { loginAnswers.append(answer) } }

    private func record(_ call: Call) { lock.withLock { recorded.append(call) } }

    func canRefresh(_ account: AccountConfig) -> Bool { !providersWithoutRefresh.contains(account.providerID) }

    func login(_ account: AccountConfig, password: String) async throws(AuthError) -> AccountLoginOutcome {
        record(.login(account: account.name, password: password))
        let answer = lock.withLock { loginAnswers.isEmpty ? nil : loginAnswers.removeFirst() }
        guard let answer else { throw .unexpectedResponse("no scripted login answer") }
        return try answer.get()
    }

    func answerChallenge(_ account: AccountConfig, challenge: AccountChallenge, newPassword: String) async throws(AuthError) -> TokenSet {
        record(.answerChallenge(account: account.name, newPassword: newPassword))
        return sampleTokens("after-challenge")
    }

    func refresh(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError) -> TokenSet {
        record(.refresh(account: account.name, refreshToken: tokens.refreshToken))
        lock.withLock {
            refreshesAtOnce.now += 1
            refreshesAtOnce.most = max(refreshesAtOnce.most, refreshesAtOnce.now)
        }
        defer { lock.withLock { refreshesAtOnce.now -= 1 } }
        if refreshDelay > 0 { try? await Task.sleep(nanoseconds: UInt64(refreshDelay * 1_000_000_000)) }
        let answer = lock.withLock { refreshAnswers.isEmpty ? nil : refreshAnswers.removeFirst() }
        guard let answer else { throw .unexpectedResponse("no scripted refresh answer") }
        return try answer.get()
    }

    func revoke(_ account: AccountConfig, tokens: TokenSet) async throws(AuthError) {
        record(.revoke(account: account.name))
        if let revokeError { throw revokeError }
    }

    func requestPasswordReset(_ account: AccountConfig) async throws(AuthError) {
        record(.requestReset(account: account.name))
    }

    func confirmPasswordReset(_ account: AccountConfig, code: String, newPassword: String) async throws(AuthError) {
        record(.confirmReset(account: account.name, code: code))
    }

    func changePassword(_ account: AccountConfig, tokens: TokenSet, oldPassword: String, newPassword: String) async throws(AuthError) {
        record(.changePassword(account: account.name))
    }
}
