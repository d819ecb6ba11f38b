import ArgumentParser

// Every subcommand sets `commandName` explicitly. Otherwise ArgumentParser derives each name
// with `String(describing:)` while building the command tree on every start, and those dynamic
// casts scan all protocol conformances in the binary: measured as a fifth of a cached
// `tokenman token` run.
extension Tokenman {
    /// The scripting commands (`token`, `header`, `exec`, `list`, `status`, `login`, …), the
    /// demo and the man page renderer.
    static let scriptingSubcommands: [any ParsableCommand.Type] = [
        Token.self, Header.self, Exec.self, List.self, Status.self,
        Login.self, Refresh.self, Logout.self, Revoke.self, ForgotPassword.self, ChangePassword.self,
        Providers.self, Demo.self, Manpage.self,
    ]
}
