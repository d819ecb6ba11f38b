import ArgumentParser

@main
struct Tokenman: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenman",
        abstract: "A terminal token manager for username/password token APIs.",
        subcommands: [Simulate.self]
    )

    mutating func run() async throws {
        print("tokenman: the interactive UI is not built yet")
    }
}
