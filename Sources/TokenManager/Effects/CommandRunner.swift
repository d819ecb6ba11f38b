import AuthEngine
import Foundation
import TerminalUI

/// Turns the commands `update` returns into effects: engine calls run off the UI thread and
/// come back as messages; clipboard writes go through the backend between frames.
struct CommandRunner: Sendable {
    let gateway: EngineGateway
    let clipboard: Clipboard
    /// Called after the config changed, to restart the scheduler with the new accounts.
    let configChanged: @Sendable (AccountService, TokenmanConfig) -> Void

    func effects(for command: AppCommand, now: Date) -> [Effect<AppMessage>] {
        let gateway = self.gateway
        switch command {
        case .login(let account, let password, let id):
            return [.run {
                do throws(AuthError) {
                    let tokens = try await gateway.current.service.login(account: account, password: password)
                    return .loginFinished(account: account, requestID: id, .success(tokens))
                } catch {
                    return .loginFinished(account: account, requestID: id, .failure(error))
                }
            }]
        case .answerChallenge(let account, let challenge, let newPassword, let id):
            return [.run {
                do throws(AuthError) {
                    let tokens = try await gateway.current.service.answerChallenge(account: account, challenge: challenge, newPassword: newPassword)
                    return .challengeAnswered(account: account, requestID: id, .success(tokens))
                } catch {
                    return .challengeAnswered(account: account, requestID: id, .failure(error))
                }
            }]
        case .refresh(let account):
            return [.run {
                do throws(AuthError) {
                    let tokens = try await gateway.current.service.refresh(account: account)
                    return .refreshFinished(account: account, .success(tokens))
                } catch {
                    return .refreshFinished(account: account, .failure(error))
                }
            }]
        case .logout(let account):
            return [.run {
                do throws(AuthError) {
                    try await gateway.current.service.logout(account: account)
                    return .logoutFinished(account: account, error: nil)
                } catch {
                    return .logoutFinished(account: account, error: error)
                }
            }]
        case .requestPasswordReset(let account, let id):
            return [.run {
                do throws(AuthError) {
                    let delivery = try await gateway.authenticator().requestPasswordResetCode(account)
                    return .passwordResetRequested(account: account.name, requestID: id, error: nil, delivery: delivery)
                } catch {
                    return .passwordResetRequested(account: account.name, requestID: id, error: error)
                }
            }]
        case .confirmPasswordReset(let account, let code, let newPassword, let id):
            return [.run {
                do throws(AuthError) {
                    try await gateway.authenticator().confirmPasswordReset(account, code: code, newPassword: newPassword)
                    return .passwordResetConfirmed(account: account.name, requestID: id, error: nil)
                } catch {
                    return .passwordResetConfirmed(account: account.name, requestID: id, error: error)
                }
            }]
        case .changePassword(let account, let old, let new, let id):
            return [.run {
                do throws(AuthError) {
                    try await gateway.current.service.changePassword(account: account, oldPassword: old, newPassword: new)
                    return .passwordChanged(account: account, requestID: id, error: nil)
                } catch {
                    return .passwordChanged(account: account, requestID: id, error: error)
                }
            }]
        case .reloadStore:
            return [.run {
                do throws(AuthError) {
                    return .storeReloaded(.success(try gateway.current.service.storedTokens()))
                } catch {
                    return .storeReloaded(.failure(error))
                }
            }]
        case .copy(let text, let label):
            return clipboard.copy(text, label: label, now: now) { .copyFinished($0) }.1
        case .clearClipboard(var state):
            // The model's state does not know which desktop tool is in use; this runner does.
            state.tool = clipboard.tool
            state.usedOSC52 = clipboard.usesOSC52
            state.usedTmuxBuffer = clipboard.usesOSC52 && clipboard.insideTmux && !clipboard.tmuxPassthrough
            return clipboard.clear(state) { .clipboardCleared($0) }
        case .saveAccount(let draft, let replacing, let id):
            let configChanged = self.configChanged
            return [.run {
                let (config, _) = gateway.current
                guard let path = config.path else {
                    return .configSaved(requestID: id, .failure(ConfigEditError(message: "no config file to write to")))
                }
                let writer = ConfigWriter(path: path, environment: gateway.environment)
                do throws(ConfigError) {
                    let saved = if let replacing {
                        try writer.replace(account: replacing, with: draft.account)
                    } else {
                        try writer.add(draft.account)
                    }
                    if let replacing, replacing != draft.name {
                        // Keep the renamed account's tokens.
                        try? gateway.store.updateAll { accounts in
                            accounts[draft.name] = accounts.removeValue(forKey: replacing)
                        }
                    }
                    configChanged(gateway.replace(config: saved), saved)
                    return .configSaved(requestID: id, .success(saved))
                } catch {
                    return .configSaved(requestID: id, .failure(ConfigEditError(message: error.description)))
                }
            }]
        case .deleteAccount(let name, let id):
            let configChanged = self.configChanged
            return [.run {
                let (config, _) = gateway.current
                guard let path = config.path else {
                    return .configSaved(requestID: id, .failure(ConfigEditError(message: "no config file to write to")))
                }
                do throws(ConfigError) {
                    let saved = try ConfigWriter(path: path, environment: gateway.environment).delete(account: name)
                    try? gateway.store.remove(account: name)
                    configChanged(gateway.replace(config: saved), saved)
                    return .configSaved(requestID: id, .success(saved))
                } catch {
                    return .configSaved(requestID: id, .failure(ConfigEditError(message: error.description)))
                }
            }]
        case .quit:
            return [.quit]
        }
    }
}
