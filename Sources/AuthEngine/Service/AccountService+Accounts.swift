/// Changes to which accounts exist, as far as the token store is concerned. The config file
/// itself is rewritten by `ConfigWriter`; these keep the stored tokens in step with it.
extension AccountService {
    /// Moves the stored tokens of an account renamed in the config to its new name, so the
    /// renamed account stays logged in. Nothing happens when the names are equal or the old
    /// name has no tokens.
    public func renameAccount(from oldName: String, to newName: String) throws(AuthError) {
        guard oldName != newName else { return }
        do {
            try store.updateAll { accounts in
                if let tokens = accounts.removeValue(forKey: oldName) { accounts[newName] = tokens }
            }
        } catch {
            throw .storage(error.description)
        }
    }

    /// Forgets the stored tokens of an account removed from the config (no request is made:
    /// the account is gone, the person chose to delete rather than log out).
    public func deleteAccount(named name: String) throws(AuthError) {
        do { try store.remove(account: name) } catch { throw .storage(error.description) }
    }
}
