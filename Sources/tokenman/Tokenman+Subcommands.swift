import ArgumentParser

extension Tokenman {
    /// The scripting commands (`token`, `header`, `exec`, `list`, `status`, `login`, …).
    static let scriptingSubcommands: [any ParsableCommand.Type] = []
}
