import AuthEngine
import FoundationEssentials
import Synchronization

extension EngineClient {
    /// The engine for real: calls go to the gateway's current `AccountService`; config edits
    /// rewrite the file, move or forget the account's tokens, then `configChanged` restarts
    /// the scheduler with the new service.
    ///
    /// The store is re-read only when its file changed since the last reading (see
    /// `TokenFileStamp`), one reading at a time and paced (`StoreReadingPacer`); a config edit
    /// forgets the stamp, so the reading after it is whole.
    /// `lastReading`: the stamp of the reading the model already holds (the first frame's).
    static func live(gateway: EngineGateway, lastReading stamp: TokenFileStamp? = nil, configChanged: @escaping @Sendable (AccountService) -> Void) -> EngineClient {
        let lastReading = Mutex<TokenFileStamp?>(stamp)
        let pacer = StoreReadingPacer()
        return EngineClient(
            login: { account, password in
                await .of { () async throws(AuthError) in try await gateway.service.login(account: account, password: password) }
            },
            answerChallenge: { account, challenge, newPassword in
                await .of { () async throws(AuthError) in
                    try await gateway.service.answerChallenge(account: account, challenge: challenge, newPassword: newPassword)
                }
            },
            refresh: { account in
                await .of { () async throws(AuthError) in try await gateway.service.refresh(account: account) }
            },
            logout: { account, end in
                await .of { () async throws(AuthError) in try await gateway.service.logout(account: account, end: end) }
            },
            requestPasswordReset: { account in
                await .of { () async throws(AuthError) in try await gateway.authenticator().requestPasswordResetCode(account) }
            },
            confirmPasswordReset: { account, code, newPassword in
                await .of { () async throws(AuthError) in
                    try await gateway.authenticator().confirmPasswordReset(account, code: code, newPassword: newPassword)
                }
            },
            changePassword: { account, old, new in
                await .of { () async throws(AuthError) in
                    try await gateway.service.changePassword(account: account, oldPassword: old, newPassword: new)
                }
            },
            storedExpiries: {
                // nil from the pacer: a reading already waiting will answer for this one.
                await pacer.paced {
                    Result { () throws(AuthError) -> AccountExpiries? in
                        let previous = lastReading.withLock { $0 }
                        guard let reading = try gateway.service.storedExpiries(ifChangedFrom: previous) else { return nil }
                        lastReading.withLock { $0 = reading.stamp }
                        return reading
                    }
                } ?? .success(nil)
            },
            loadTokens: { account in
                await .of { () async throws(AuthError) in try await gateway.service.storedTokens(account: account) }
            },
            saveAccount: { draft, replacing in
                lastReading.withLock { $0 = nil }
                return gateway.editConfig(configChanged: configChanged) { writer, service throws(ConfigError) in
                    let saved = if let replacing {
                        try writer.replace(account: replacing, with: draft.account)
                    } else {
                        try writer.add(draft.account)
                    }
                    guard let replacing else { return (saved, nil) }
                    do throws(AuthError) {
                        try service.renameAccount(from: replacing, to: draft.name)
                        return (saved, nil)
                    } catch {
                        return (saved, "\(draft.name) saved, but its tokens stayed under \(replacing): \(error.message)")
                    }
                }
            },
            deleteAccount: { name in
                lastReading.withLock { $0 = nil }
                return gateway.editConfig(configChanged: configChanged) { writer, service throws(ConfigError) in
                    let saved = try writer.delete(account: name)
                    do throws(AuthError) {
                        try service.deleteAccount(named: name)
                        return (saved, nil)
                    } catch {
                        return (saved, "\(name) deleted, but its tokens were not forgotten: \(error.message)")
                    }
                }
            })
    }
}
