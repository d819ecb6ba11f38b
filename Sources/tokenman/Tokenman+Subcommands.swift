import ArgumentParser

extension Tokenman {
    /// The scripting commands (`token`, `header`, `exec`, `list`, `status`, `login`, …), the
    /// demo and the man page renderer.
    static let scriptingSubcommands: [any ParsableCommand.Type] = [
        Token.self, Header.self, Exec.self, List.self, Status.self,
        Login.self, Logout.self, Revoke.self, ForgotPassword.self, ChangePassword.self,
        Providers.self, Demo.self, Manpage.self,
    ]
}
