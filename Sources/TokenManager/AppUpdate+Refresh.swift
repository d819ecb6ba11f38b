import AuthEngine
import TerminalUI

/// A finished refresh (`r`, or one account of `R`).
extension AppUpdate {
    static func refreshFinished(_ model: inout AppModel, account: String, result: Result<TokenSet, AuthError>) {
        model.updateActivity(of: account) { $0.operation = nil }
        switch result {
        case .success(let tokens):
            model.setTokens(tokens, of: account)
            model.updateActivity(of: account) { $0.lastError = nil }
        case .failure(let error):
            model.updateActivity(of: account) { $0.lastError = error.message }
        }
        guard var batch = model.refreshAllBatch, batch.pending.remove(account) != nil else {
            switch result {
            case .success: model.setStatus("refreshed \(account)", role: .success, account: account)
            case .failure(let error): model.setStatus("\(account): \(error.message)", role: .danger, account: account)
            }
            return
        }
        // Part of `R`: one summary when the last one is done, instead of a message per account
        // (each would replace the one before). Failures stay on their rows and in the status
        // line while such an account is selected.
        if case .success = result { batch.succeeded += 1 } else { batch.failed += 1 }
        if batch.pending.isEmpty {
            model.refreshAllBatch = nil
            let summary = batch.summary
            model.setStatus(summary.text, role: summary.role)
        } else {
            model.refreshAllBatch = batch
        }
    }
}
