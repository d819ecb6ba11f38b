import ArgumentParser

/// The account a command acts on, with shell completion of the configured names. One group
/// so every command names, documents and completes it the same way.
struct AccountArgument: ParsableArguments {
    @Argument(help: "The account's name in the config.", completion: .custom(AccountNameCompletion.names))
    var account: String
}
