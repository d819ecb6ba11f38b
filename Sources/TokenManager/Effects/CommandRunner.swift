import AuthEngine
import FoundationEssentials
import TerminalUI

/// Turns the commands `update` returns into effects: engine calls go through the client off
/// the UI thread and come back as messages; clipboard writes go through the backend between
/// frames.
struct CommandRunner: Sendable {
    let client: EngineClient
    let clipboard: Clipboard

    func effects(for command: AppCommand) -> [Effect<AppMessage>] {
        switch command {
        case .copy(let text, let label):
            return clipboard.copy(text, label: label) { .copyFinished($0) }
        case .clearClipboard(let state):
            return clipboard.clear(state) { .clipboardCleared($0) }
        case .quit:
            return [.quit]
        default:
            let client = self.client
            return [.run { await Self.message(for: command, client: client) }]
        }
    }

    /// What an engine command answers, as the message `update` gets (nil: not an engine call).
    static func message(for command: AppCommand, client: EngineClient) async -> AppMessage? {
        switch command {
        // Each awaited answer is bound to a local before the message is built: Swift 6.3 -O
        // miscompiles an aggregate whose other parts are evaluated before the suspension.
        case .login(let account, let password, let id):
            let result = await client.login(account, password)
            return .loginFinished(account: account, requestID: id, result)
        case .answerChallenge(let account, let challenge, let newPassword, let id):
            let result = await client.answerChallenge(account, challenge, newPassword)
            return .challengeAnswered(account: account, requestID: id, result)
        case .refresh(let account):
            let result = await client.refresh(account)
            return .refreshFinished(account: account, result)
        case .logout(let account, let end):
            let result = await client.logout(account, end)
            return .logoutFinished(account: account, error: result.error, end: end)
        case .requestPasswordReset(let account, let id):
            let result = await client.requestPasswordReset(account)
            let delivery = try? result.get()
            return .passwordResetRequested(account: account.name, requestID: id, error: result.error, delivery: delivery ?? nil)
        case .confirmPasswordReset(let account, let code, let newPassword, let id):
            let result = await client.confirmPasswordReset(account, code, newPassword)
            return .passwordResetConfirmed(account: account.name, requestID: id, error: result.error)
        case .changePassword(let account, let old, let new, let id):
            let result = await client.changePassword(account, old, new)
            return .passwordChanged(account: account, requestID: id, error: result.error)
        case .reloadStore:
            // An unchanged store file answers nothing: no message, no model change, no frame.
            let result = await client.storedExpiries()
            switch result {
            case .success(nil): return nil
            case .success(let reading?): return .storeReloaded(.success(reading))
            case .failure(let error): return .storeReloaded(.failure(error))
            }
        case .loadTokens(let account, let id):
            let result = await client.loadTokens(account)
            return .tokensLoaded(account: account, requestID: id, result)
        case .saveAccount(let draft, let replacing, let id):
            let result = await client.saveAccount(draft, replacing)
            return .configSaved(requestID: id, result)
        case .deleteAccount(let name, let id):
            let result = await client.deleteAccount(name)
            return .configSaved(requestID: id, result)
        case .copy, .clearClipboard, .quit:
            return nil
        }
    }
}

extension Result {
    /// The failure, for messages that carry only an optional error.
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
