import TerminalUI

/// The details screen's outcomes applied to the whole model.
extension AppUpdate {
    static func detailKey(_ model: inout AppModel, _ screen: DetailScreen, _ key: Key) -> [AppCommand] {
        guard let account = model.account(named: screen.account) else {
            model.screen = .accounts
            return []
        }
        var screen = screen
        let context = DetailContext(
            lineCount: DetailScreen.lines(screen, model: model, now: model.now, width: AppView.bodyRect(model).width).count,
            bodyHeight: AppView.bodyRect(model).height)
        let outcome = screen.update(key: key, context: context)
        switch outcome {
        case .back:
            model.screen = .accounts
            return []
        case .quit:
            return quit(&model)
        case .login, .forgotPassword, .changePassword:
            // The form returns here when done or cancelled.
            model.formOrigin = screen
            var commands: [AppCommand] = []
            if outcome == .login { commands = LoginScreen.open(&model, account: account) }
            if outcome == .forgotPassword { commands = ForgotPasswordScreen.open(&model, account: account) }
            if outcome == .changePassword { ChangePasswordScreen.open(&model, account: account) }
            if case .detail = model.screen { model.formOrigin = nil }  // no form opened
            return commands
        case .stay, .showHelp, .copy:
            model.screen = .detail(screen)
        }
        if outcome == .showHelp { model.overlay = .help }
        if outcome == .copy { CopyMenu.open(&model, account: account) }
        return []
    }
}
