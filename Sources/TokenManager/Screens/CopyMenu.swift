import AuthEngine
import FoundationEssentials
import TerminalUI

/// "Copy what?" after `c`: the access, refresh or id token, or what an API call must carry
/// (one header, two headers, or a JSON body field, as the provider wants). The menu keeps only
/// the choices, offered from the account's stored expiry; the secret is taken from the
/// account's tokens when one is picked, which the model reads as the menu opens
/// (`AppModel.openTokens`): a pick made before they are read is made when they are.
struct CopyMenu: Equatable, Sendable {
    enum Choice: Equatable, Sendable {
        case accessToken, refreshToken, idToken, credentials

        var key: Character {
            switch self {
            case .accessToken: "a"
            case .refreshToken: "r"
            case .idToken: "i"
            case .credentials: "h"
            }
        }
    }

    var account: String
    var choices: [Choice]
    var selected = 0

    static func open(_ model: inout AppModel, account: AccountConfig) {
        guard let tokens = model.expiry(of: account.name) else {
            model.setStatus("\(account.name) has no tokens to copy; press l to log in", role: .warning)
            return
        }
        var choices: [Choice] = [.accessToken]
        if tokens.hasRefreshToken { choices.append(.refreshToken) }
        if tokens.hasIDToken { choices.append(.idToken) }
        if model.provider(of: account) != nil { choices.append(.credentials) }
        model.overlay = .copyMenu(CopyMenu(account: account.name, choices: choices))
    }

    func label(of choice: Choice, model: AppModel) -> String {
        switch choice {
        case .accessToken: return "access token"
        case .refreshToken: return "refresh token"
        case .idToken: return "id token"
        case .credentials:
            switch model.account(named: account).flatMap(model.provider(of:))?.tokenCarriage {
            case .bearerWithRefreshHeader(let name)?: return "both headers (Authorization, \(name))"
            case .jsonBodyField(let name)?: return "JSON body field \"\(name)\""
            default: return "Authorization header"
            }
        }
    }

    /// The text to put on the clipboard (nil when the token is gone meanwhile).
    static func text(of choice: Choice, account: String, tokens: TokenSet, model: AppModel) -> String? {
        switch choice {
        case .accessToken: return tokens.accessToken
        case .refreshToken: return tokens.refreshToken
        case .idToken: return tokens.idToken
        case .credentials:
            guard let provider = model.account(named: account).flatMap(model.provider(of:)) else { return nil }
            return provider.apiCredentials(for: tokens).map(\.line).joined(separator: "\n")
        }
    }

    /// What a key in the menu asks for.
    enum Outcome: Equatable, Sendable {
        case stay, close
        case pick(Choice)
    }

    /// Moves the selection; the app copies what is picked (the menu holds no secrets).
    mutating func update(key: Key) -> Outcome {
        switch key {
        case .escape, .character("q"), .character("c"):
            return .close
        case .down, .character("j"), .tab:
            selected = min(choices.count - 1, selected + 1)
        case .up, .character("k"), .backTab:
            selected = max(0, selected - 1)
        case .enter:
            if choices.indices.contains(selected) { return .pick(choices[selected]) }
        case .character(let c):
            if let digit = c.wholeNumberValue, choices.indices.contains(digit - 1) { return .pick(choices[digit - 1]) }
            if let choice = choices.first(where: { $0.key == c }) { return .pick(choice) }
        default:
            break
        }
        return .stay
    }

    static func update(_ model: inout AppModel, _ menu: CopyMenu, key: Key) -> [AppCommand] {
        var menu = menu
        switch menu.update(key: key) {
        case .stay:
            model.overlay = .copyMenu(menu)
            return []
        case .close:
            model.overlay = nil
            return []
        case .pick(let choice):
            model.overlay = nil
            let copy = PendingCopy(account: menu.account, choice: choice, label: menu.label(of: choice, model: model))
            guard let open = model.openTokens, open.account == menu.account, open.reading != nil else {
                // The tokens are being read (they were asked for as the menu opened).
                model.pendingCopy = copy
                return []
            }
            return Self.copy(&model, copy)
        }
    }

    /// Copies `copy`'s choice from the account's tokens as read (`AppModel.openTokens`).
    static func copy(_ model: inout AppModel, _ copy: PendingCopy) -> [AppCommand] {
        guard let open = model.openTokens, open.account == copy.account else { return [] }
        if case .failure(let error)? = open.reading {
            model.setStatus("could not copy \(copy.label): \(error.message)", role: .danger)
            return []
        }
        guard let tokens = open.tokens, let text = text(of: copy.choice, account: copy.account, tokens: tokens, model: model) else {
            model.setStatus("nothing to copy", role: .warning)
            return []
        }
        return ClipboardFlow.copy(&model, text: text, label: copy.label, account: copy.account)
    }

    /// The menu as a widget: its rows are read from the model once, here.
    func view(model: AppModel) -> CopyMenuView {
        CopyMenuView(
            account: account,
            rows: choices.enumerated().map { index, choice in "\(index + 1) \(choice.key)  \(label(of: choice, model: model))" },
            selected: selected)
    }
}
