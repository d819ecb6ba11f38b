import AuthEngine
import TerminalUI

/// Keeps `AppModel.openTokens` on the account whose tokens may be shown or copied, and makes
/// a copy that was waiting for them.
extension AppUpdate {
    /// After every message: the account whose tokens the screen may show or copy is the one
    /// a waiting copy is for, else the one of the copy menu, else the one whose details are
    /// shown (or were, under a form opened from them). Its tokens are read when it changes and
    /// after a reading of the store saw another process write (`storeChanged`); they are
    /// dropped when no account's tokens are shown. One account at most: O(1) for other messages.
    static func keepOpenTokens(_ model: inout AppModel, storeChanged: Bool) -> [AppCommand] {
        var commands: [AppCommand] = []
        // A copy waiting for the tokens is made once they are read (by a load, or set by this
        // process's own login or renewal).
        if let copy = model.pendingCopy, let open = model.openTokens, open.account == copy.account, open.reading != nil {
            model.pendingCopy = nil
            commands = CopyMenu.copy(&model, copy)
        }
        guard let account = tokensFocus(model) else {
            model.openTokens = nil
            return commands
        }
        if let open = model.openTokens, open.account == account, !storeChanged { return commands }
        let id = model.makeRequestID()
        if var open = model.openTokens, open.account == account {
            // Re-read: what is shown stays until the new reading answers.
            open.requestID = id
            model.openTokens = open
        } else {
            model.openTokens = OpenTokens(account: account, reading: nil, requestID: id)
        }
        return commands + [.loadTokens(account: account, requestID: id)]
    }

    private static func tokensFocus(_ model: AppModel) -> String? {
        if let copy = model.pendingCopy { return copy.account }
        if case .copyMenu(let menu)? = model.overlay { return menu.account }
        if case .detail(let screen) = model.screen { return screen.account }
        return model.formOrigin?.account
    }

    static func tokensLoaded(_ model: inout AppModel, account: String, requestID: Int, result: Result<TokenSet?, AuthError>) -> [AppCommand] {
        guard var open = model.openTokens, open.account == account, open.requestID == requestID else { return [] }
        open.reading = result
        model.openTokens = open
        return []
    }
}

extension AppMessage {
    /// A reading of the whole store that found it changed (another process wrote it).
    var isStoreReading: Bool {
        if case .storeReloaded(.success) = self { return true }
        return false
    }
}
